import { defineCollection } from 'astro:content';
import { projectLoader } from './site/project-loader.ts';

/** One collection: each document of the project, assembled by the project's own pipeline. */
export const collections = {
  project: defineCollection({ loader: projectLoader() }),
};
