import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { projectLoader } from './site/project-loader.ts';
import type { StoreEntry } from './site/site-data.ts';

/**
 * One collection: each document of the project, assembled by the project's own pipeline, and
 * one entry of project data. The loader writes plain data it made itself (`toStoreEntries`),
 * so the schema only gives that data its type.
 */
export const collections = {
  project: defineCollection({
    loader: projectLoader(),
    schema: z.custom<StoreEntry['data']>(),
  }),
};
