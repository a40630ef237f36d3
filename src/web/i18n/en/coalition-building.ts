/** English messages of the coalition-building pages (the area's own file, so areas never edit one catalogue at once). */
export const coalitionBuilding = {
  title: 'Coalition building',
};
