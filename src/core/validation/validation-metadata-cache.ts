import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];

let installed = false;

/**
 * class-validator looks up a DTO's rules on every validation by walking every class it knows
 * (`getTargetValidationMetadatas` tests `instanceof` against each one, for inherited rules): with
 * this app's ~200 DTOs that walk was the single largest item in a worker's completion call. The
 * rules of a class never change once its module is loaded, so the answer is kept per class and
 * options, and dropped whenever a rule is added (a class loaded later).
 */
export function cacheValidationMetadata(storage: Storage = getMetadataStorage()): void {
  if (installed) return;
  installed = true;
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  let cache = new Map<unknown, Map<string, ReturnType<Lookup>>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let byOptions = cache.get(target);
    if (!byOptions) cache.set(target, (byOptions = new Map()));
    let found = byOptions.get(key);
    if (!found) byOptions.set(key, (found = lookup(target, schema, always, strictGroups, groups)));
    return found;
  };
  for (const method of ['addValidationMetadata', 'addConstraintMetadata', 'addValidationSchema'] as const) {
    const add = storage[method].bind(storage) as (arg: never) => void;
    (storage[method] as (arg: never) => void) = (arg: never) => {
      cache = new Map();
      add(arg);
    };
  }
}
