import { describe, expect, it } from '@jest/globals';
import { IsInt, IsString, Min, validateSync } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache.js';

cacheValidationMetadata();

class Base {
  @IsString()
  name!: string;
}

describe('cacheValidationMetadata', () => {
  it('validates as before, inherited rules included, and picks up a class declared after the first validation', () => {
    class Child extends Base {
      @IsInt()
      @Min(1)
      count!: number;
    }
    const bad = Object.assign(new Child(), { name: 7, count: 0 });
    expect(validateSync(bad).map((e) => e.property)).toEqual(['count', 'name']);
    expect(validateSync(Object.assign(new Child(), { name: 'a', count: 2 }))).toEqual([]);

    // A rule added after the first lookups (a class loaded later) is seen at once.
    class Later extends Child {
      @IsString()
      note!: string;
    }
    expect(validateSync(Object.assign(new Later(), { name: 'a', count: 2, note: 3 })).map((e) => e.property)).toEqual([
      'note',
    ]);
    // ... and the classes looked up before it still validate the same.
    expect(validateSync(bad).map((e) => e.property)).toEqual(['count', 'name']);

    // A rule added to a base class after its subclass was looked up applies to the subclass.
    IsString()(Base.prototype, 'label');
    expect(validateSync(Object.assign(new Child(), { name: 'a', count: 2, label: 5 })).map((e) => e.property)).toEqual([
      'label',
    ]);
  });
});
