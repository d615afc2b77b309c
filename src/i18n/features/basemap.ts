/** Strings of the optional online basemap (src/map/basemap.ts, src/ui/BasemapControl). */
export const en = {
  basemap_title: 'Basemap',
};

export const zh: Record<keyof typeof en, string> = {
  basemap_title: '底图',
};
