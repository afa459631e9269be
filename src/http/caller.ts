/** Who is calling: the user bound to the presented token, and the consumer (app) it was issued to. */
export interface CallerUser {
  userId: string;
  username: string;
  email: string;
  provider: string;
  providerId: string;
}

export interface CallerConsumer {
  consumerId: number;
  appName: string;
  developerEmail: string;
}

export interface Caller {
  user: CallerUser | undefined;
  consumer: CallerConsumer | undefined;
}

export const anonymous: Caller = Object.freeze({ user: undefined, consumer: undefined });
