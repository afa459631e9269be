/** The two databases the store runs on; repositories and migrations branch on it where their SQL differs. */
export type Dialect = 'postgres' | 'sqlite';
