import type { RGBA } from './palette';

/** Colours of the scenario view: communities by what the scenario changes, and the edits on the map. */
export const SCENARIO_COLORS = {
  /** gains coverage of some category (teal-green, apart from the blue "covered") */
  gain: [18, 184, 134, 215] as RGBA,
  /** loses coverage of some category */
  loss: [224, 49, 49, 215] as RGBA,
  /** gains one category and loses another */
  both: [174, 62, 201, 215] as RGBA,
  /** unchanged: light, so the changes stand out */
  unchanged: [222, 226, 230, 150] as RGBA,
  added: [18, 184, 134, 255] as RGBA,
  deleted: [224, 49, 49, 255] as RGBA,
  link: [12, 166, 120, 255] as RGBA,
  park: [64, 192, 87, 110] as RGBA,
  closed: [201, 42, 42, 255] as RGBA,
  gate: [245, 159, 0, 255] as RGBA,
  pick: [255, 255, 255, 255] as RGBA,
  pickBackground: [230, 119, 0, 240] as RGBA,
  candidateFill: [230, 119, 0, 30] as RGBA,
  outline: [33, 37, 41, 255] as RGBA,
};

/** The colour of a community by scenarioDiff's change code (+1 gain, −1 loss, 2 both, 0 unchanged). */
export function changeColor(change: number): RGBA {
  return change === 1 ? SCENARIO_COLORS.gain : change === -1 ? SCENARIO_COLORS.loss : change === 2 ? SCENARIO_COLORS.both : SCENARIO_COLORS.unchanged;
}
