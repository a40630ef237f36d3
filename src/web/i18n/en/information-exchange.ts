/** English messages of the information-exchange pages (the area's own file, so areas never edit one catalogue at once). */
export const informationExchange = {
  title: 'Information exchange',
};
