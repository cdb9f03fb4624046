/**
 * British National Grid (OSGB36, EPSG:27700) eastings and northings to WGS84 longitude and latitude, through proj4
 * with the OSTN-free seven-parameter Helmert transformation (about 5 m: far finer than an LSOA). Pure.
 */
import proj4 from 'proj4';

const BNG =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ' +
  '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';
const toWgs84 = proj4(BNG, 'WGS84');

/** The grid's extent over Great Britain and its islands, in metres. */
export const inNationalGrid = (easting: number, northing: number) =>
  Number.isFinite(easting) && Number.isFinite(northing) && easting >= 0 && easting <= 700_000 && northing >= 0 && northing <= 1_300_000;

/** [longitude, latitude] of a grid reference, rounded to 6 decimal places (about 10 cm) as police.uk publishes. */
export function gridToLongitudeLatitude(easting: number, northing: number): [number, number] {
  const [longitude, latitude] = toWgs84.forward([easting, northing]) as [number, number];
  return [Math.round(longitude * 1e6) / 1e6, Math.round(latitude * 1e6) / 1e6];
}

/** Whether a WGS84 point is within the United Kingdom's box (with the Channel Islands and Isle of Man). */
export const inUnitedKingdom = (longitude: number, latitude: number) =>
  Number.isFinite(longitude) && Number.isFinite(latitude) && longitude >= -8.7 && longitude <= 1.8 && latitude >= 49.8 && latitude <= 60.9;
