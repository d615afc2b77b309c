/** Figures per administrative unit (街道 / 乡镇, 社区 / 村; issue 12). */
export { unitRate, unitTotals, type UnitTotals } from './unitTotals';
export { assignUnits, unitNames, type UnitAssignment, type UnitNames } from './assignUnits';
