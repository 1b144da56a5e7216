import { WatchlistEntryEntity } from './watchlist-entry.entity.js';

export const WATCHLIST_ENTITIES = [WatchlistEntryEntity];
