/** vnu-jar exports the absolute path of vnu.jar. */
declare module 'vnu-jar' {
  const path: string;
  export default path;
}
