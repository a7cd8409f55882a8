/**
 * How many photos the grid lays out from the top of a view. A jump or a link to a photo deeper than this starts the
 * grid at its year instead of loading every page before it. Tests set `pixhaven.gridDepth` in localStorage to reach
 * the depth with a handful of photos.
 */
export const gridDepth = Number(globalThis.localStorage?.getItem('pixhaven.gridDepth')) || 100_000;
