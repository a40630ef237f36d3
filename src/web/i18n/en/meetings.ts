/** English messages of the meetings pages (the area's own file, so areas never edit one catalogue at once). */
export const meetings = {
  title: 'Meetings',
};
