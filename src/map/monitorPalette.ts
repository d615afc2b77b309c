import type { ProgrammeStatus } from '../core/model';
import type { RGBA } from './palette';

/**
 * Colours of the renovation programme (issue 14): not listed in grey-red (still to be taken up),
 * planned amber, under way blue, done green; communities that are not old light grey, so the
 * programme's communities stand out.
 */
export const PROGRAMME_COLORS: Record<ProgrammeStatus | 'notOld', RGBA> = {
  none: [201, 120, 120, 200],
  planned: [245, 159, 0, 215],
  building: [34, 139, 230, 215],
  done: [47, 158, 68, 215],
  notOld: [222, 226, 230, 150],
};
