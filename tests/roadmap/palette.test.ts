/** Colours of the timeline reach WCAG 2 AA contrast on every background they are drawn on. */
import { describe, expect, it } from 'vitest';
import { palette, statusColours } from '../../src/roadmap/palette.ts';

const channel = (value: number) => {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const rgb = (hex: string) =>
  [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
const luminance = (hex: string) => {
  const [r, g, b] = rgb(hex).map(channel) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};
/** A lane's tint (drawn with opacity 0.55) over a phase band. */
const over = (top: string, opacity: number, bottom: string) => {
  const [t, b] = [rgb(top), rgb(bottom)];
  return `#${t
    .map((v, i) =>
      Math.round(v * opacity + b[i]! * (1 - opacity))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
};
const backgrounds = [
  '#ffffff',
  ...palette.phases,
  ...palette.phases.map((p) => over(palette.laneOdd, 0.55, p)),
];

describe('palette', () => {
  it('gives text 4.5:1 on every background', () => {
    for (const background of backgrounds) {
      for (const text of [palette.text, palette.muted, palette.today])
        expect(contrast(text, background), `${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('gives marks and rules that carry meaning 3:1 on every background', () => {
    for (const background of backgrounds) {
      for (const colour of [...Object.values(statusColours), palette.arrow, palette.phaseRule])
        expect(contrast(colour, background), `${colour} on ${background}`).toBeGreaterThanOrEqual(
          3,
        );
    }
  });

  it('keeps the table badge of done items readable (white on the done colour)', () => {
    expect(contrast('#ffffff', statusColours.done)).toBeGreaterThanOrEqual(4.5);
  });
});
