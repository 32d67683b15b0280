import { GapAwareCursor } from './gap-aware-cursor';

const at = (...positions: number[]) => positions.map((position) => ({ position }));

describe(GapAwareCursor.name, () => {
  it('delivers a contiguous batch whole', () => {
    const sut = new GapAwareCursor(0);
    expect(sut.advance(at(1, 2, 3), false)).toEqual(at(1, 2, 3));
    expect(sut.position).toBe(3);
    expect(sut.waiting).toBe(false);
  });

  it('holds back everything after a hole and asks which appends are in flight', () => {
    const sut = new GapAwareCursor(0);
    expect(sut.advance(at(1, 3, 4), false)).toEqual(at(1));
    expect(sut.waiting).toBe(true);
    expect(sut.needsAppends).toBe(true);
    sut.recordAppends(['3/7']);
    expect(sut.awaitedAppends).toEqual(['3/7']);
    expect(sut.needsAppends).toBe(false);
  });

  it('delivers the hole once its append commits', () => {
    const sut = new GapAwareCursor(0);
    sut.advance(at(1, 3, 4), false);
    sut.recordAppends(['3/7']);
    expect(sut.advance(at(3, 4), false)).toEqual([]);
    expect(sut.advance(at(2, 3, 4), true)).toEqual(at(2, 3, 4));
    expect(sut.waiting).toBe(false);
  });

  it('steps over a hole once every recorded append has ended without filling it', () => {
    const sut = new GapAwareCursor(0);
    sut.advance(at(1, 3), false);
    sut.recordAppends(['3/7', '4/2']);
    expect(sut.advance(at(3), false)).toEqual([]);
    expect(sut.advance(at(3), true)).toEqual(at(3));
    expect(sut.position).toBe(3);
    expect(sut.waiting).toBe(false);
  });

  it('never steps over a hole before the appends in flight were recorded', () => {
    const sut = new GapAwareCursor(0);
    sut.advance(at(2), false);
    expect(sut.advance(at(2), true)).toEqual([]);
  });

  it('does not let an old horizon excuse a hole above what it saw', () => {
    const sut = new GapAwareCursor(0);
    sut.advance(at(2), false);
    sut.recordAppends([]);
    // Position 1 never came; position 4 was drawn after the horizon was recorded.
    expect(sut.advance(at(2, 3, 5), true)).toEqual(at(2, 3));
    expect(sut.needsAppends).toBe(true);
    sut.recordAppends(['5/1']);
    expect(sut.advance(at(5), false)).toEqual([]);
    expect(sut.advance(at(5), true)).toEqual(at(5));
  });
});
