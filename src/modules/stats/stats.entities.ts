import { DailyStatsEntity } from './daily-stats.entity.js';

export const STATS_ENTITIES = [DailyStatsEntity];
