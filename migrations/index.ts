import { InitialSchema1795737600000 } from './1795737600000-InitialSchema.js';
import { GateClearance1795741200000 } from './1795741200000-GateClearance.js';
import { FollowTheFlow1795744800000 } from './1795744800000-FollowTheFlow.js';
import { MonthlyPartitions1795748400000 } from './1795748400000-MonthlyPartitions.js';
import { PublicTimeline1795752000000 } from './1795752000000-PublicTimeline.js';
import { AuditSealing1795755600000 } from './1795755600000-AuditSealing.js';
import { ReferenceSerials1795759200000 } from './1795759200000-ReferenceSerials.js';
import { SetBasedSealing1795762800000 } from './1795762800000-SetBasedSealing.js';
import { IdempotentWrites1795766460000 } from './1795766460000-IdempotentWrites.js';
import { CompanyPeople1795770060000 } from './1795770060000-CompanyPeople.js';
import { OfficerAdministration1795773660000 } from './1795773660000-OfficerAdministration.js';
import { OfficerRefreshTokens1800100000000 } from './1800100000000-OfficerRefreshTokens.js';
import { LoginThrottle1800200000000 } from './1800200000000-LoginThrottle.js';
import { SealInOrderOnly1800400000000 } from './1800400000000-SealInOrderOnly.js';
import { TripKinds1800500000000 } from './1800500000000-TripKinds.js';
import { TripIntake1800510000000 } from './1800510000000-TripIntake.js';
import { FeeSchedules1800520000000 } from './1800520000000-FeeSchedules.js';
import { ReturnRule1800530000000 } from './1800530000000-ReturnRule.js';
import { ArrivalMetering1800600000000 } from './1800600000000-ArrivalMetering.js';
import { BookingSanctions1800610000000 } from './1800610000000-BookingSanctions.js';
import { YardWaitQrVersion1800620000000 } from './1800620000000-YardWaitQrVersion.js';
import { BoardWarnings1800630000000 } from './1800630000000-BoardWarnings.js';

/** Every migration, in order. Listed explicitly so the same list runs from compiled JS and under Jest. */
export const MIGRATIONS = [
  InitialSchema1795737600000,
  GateClearance1795741200000,
  FollowTheFlow1795744800000,
  MonthlyPartitions1795748400000,
  PublicTimeline1795752000000,
  AuditSealing1795755600000,
  ReferenceSerials1795759200000,
  SetBasedSealing1795762800000,
  IdempotentWrites1795766460000,
  CompanyPeople1795770060000,
  OfficerAdministration1795773660000,
  OfficerRefreshTokens1800100000000,
  LoginThrottle1800200000000,
  SealInOrderOnly1800400000000,
  TripKinds1800500000000,
  TripIntake1800510000000,
  FeeSchedules1800520000000,
  ReturnRule1800530000000,
  ArrivalMetering1800600000000,
  BookingSanctions1800610000000,
  YardWaitQrVersion1800620000000,
  BoardWarnings1800630000000,
];
