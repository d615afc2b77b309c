/**
 * Parking: supply within walking distance of each community against its required spaces, and the lots left out.
 */
export { isPublicValue, parkingLots, type ParkingIssue, type ParkingLotOptions, type ParkingLots } from './parkingLots';
export { parkingSupply, type ParkingSupplyInput, type ParkingSupplyOptions, type ParkingSupplyResult, type ParkingTotals } from './parkingSupply';
