/**
 * A response body already turned into JSON text. An endpoint whose answer follows from one cached,
 * immutable value (a user's account list held by the store's cache) builds the text once per cached
 * value instead of on every call; the value changes identity whenever the cache refills.
 */
export class Serialized {
  constructor(readonly json: string) {}
}

/** `build` as JSON text, remembered per `source` object for as long as that object lives */
export function serializedPer<S extends object>(build: (source: S) => unknown): (source: S) => Serialized {
  const memo = new WeakMap<S, Serialized>();
  return (source) => {
    let done = memo.get(source);
    if (!done) {
      done = new Serialized(JSON.stringify(build(source)));
      memo.set(source, done);
    }
    return done;
  };
}
