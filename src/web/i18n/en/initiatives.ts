/** English messages of the initiatives pages (the area's own file, so areas never edit one catalogue at once). */
export const initiatives = {
  title: 'Initiatives',
};
