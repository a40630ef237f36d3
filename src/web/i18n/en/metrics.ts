/** English messages of the metrics pages (the area's own file, so areas never edit one catalogue at once). */
export const metrics = {
  title: 'Metrics & recognition',
};
