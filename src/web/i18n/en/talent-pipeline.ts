/** English messages of the talent-pipeline pages (the area's own file, so areas never edit one catalogue at once). */
export const talentPipeline = {
  title: 'Talent pipeline',
};
