import { GapAwareCursor } from './gap-aware-cursor';

const at = (...positions: number[]) => positions.map((position) => ({ position }));
const snapshot = (xmin: number, xmax: number) => ({ xmin: BigInt(xmin), xmax: BigInt(xmax) });

describe(GapAwareCursor.name, () => {
  it('delivers a contiguous batch whole', () => {
    const sut = new GapAwareCursor(0);
    expect(sut.advance(at(1, 2, 3), snapshot(10, 10))).toEqual(at(1, 2, 3));
    expect(sut.position).toBe(3);
    expect(sut.waiting).toBe(false);
  });

  it('holds back everything after a hole whose transaction may still commit', () => {
    const sut = new GapAwareCursor(0);
    expect(sut.advance(at(1, 3, 4), snapshot(5, 8))).toEqual(at(1));
    expect(sut.waiting).toBe(true);
    // Transaction 5 is still running: the hole stays.
    expect(sut.advance(at(3, 4), snapshot(5, 9))).toEqual([]);
    // It committed position 2 after all.
    expect(sut.advance(at(2, 3, 4), snapshot(9, 9))).toEqual(at(2, 3, 4));
    expect(sut.waiting).toBe(false);
  });

  it('steps over a hole once every transaction that could fill it has ended', () => {
    const sut = new GapAwareCursor(0);
    expect(sut.advance(at(1, 3), snapshot(5, 8))).toEqual(at(1));
    expect(sut.advance(at(3), snapshot(7, 9))).toEqual([]);
    expect(sut.advance(at(3), snapshot(8, 9))).toEqual(at(3));
    expect(sut.position).toBe(3);
  });

  it('does not let an old horizon excuse a hole above what it saw', () => {
    const sut = new GapAwareCursor(0);
    sut.advance(at(2), snapshot(5, 8));
    // Position 1 never came; by now transactions up to 8 have ended, but position 4 was drawn after the horizon.
    expect(sut.advance(at(2, 3, 5), snapshot(8, 12))).toEqual(at(2, 3));
    expect(sut.waiting).toBe(true);
    expect(sut.advance(at(5), snapshot(11, 12))).toEqual([]);
    expect(sut.advance(at(5), snapshot(12, 13))).toEqual(at(5));
  });
});
