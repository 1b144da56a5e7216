import type { INestApplicationContext } from '@nestjs/common';
import type { AuthenticatedOfficer } from '../../src/modules/auth/officer-access.js';
import type { Truck } from './arrivals.js';

/** The metered run's use of the service; it needs the slots' bookings and the regulation yards' call forward. */
export class Metering {
  static start(_app: INestApplicationContext, _officer: AuthenticatedOfficer): Promise<Metering> {
    return Promise.reject(new Error('the metered run needs the slots and regulation-yards services'));
  }

  chooseSlot(_truck: Truck, _now: Date): Promise<Date | null> {
    return Promise.resolve(null);
  }

  checkInAtRegulationYard(_truck: Truck, _plate: string): Promise<boolean> {
    return Promise.resolve(false);
  }

  callForward(_now: Date): Promise<{ declarationId: string; driveMinutes: number }[]> {
    return Promise.resolve([]);
  }

  expiredAt(_now: Date): Promise<string[]> {
    return Promise.resolve([]);
  }

  watchSlots(): Promise<void> {
    return Promise.resolve();
  }
}
