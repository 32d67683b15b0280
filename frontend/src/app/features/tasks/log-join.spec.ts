import { LogJoin } from './log-join';

describe(LogJoin.name, () => {
  let sut: LogJoin;
  beforeEach(() => {
    sut = new LogJoin();
    sut.start();
  });

  it('adds live lines after the fetched log', () => {
    sut.fetched(['a', 'b']);
    sut.received(['c']);
    sut.received(['d', 'e']);
    expect(sut.lines).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('holds live lines that arrive during the fetch until its answer, and adds the ones it did not have', () => {
    sut.received(['c', 'd']);
    expect(sut.lines).toEqual([]);
    sut.fetched(['a', 'b', 'c']);
    expect(sut.lines).toEqual(['a', 'b', 'c', 'd']);
  });

  it('drops live lines the fetched log already holds, even when they arrive after it', () => {
    sut.fetched(['a', 'b', 'c']);
    sut.received(['b', 'c']);
    expect(sut.lines).toEqual(['a', 'b', 'c']);
    sut.received(['d']);
    expect(sut.lines).toEqual(['a', 'b', 'c', 'd']);
    // Once the overlap is known, a line equal to an earlier one is a new line.
    sut.received(['d']);
    expect(sut.lines).toEqual(['a', 'b', 'c', 'd', 'd']);
  });

  it('adds everything live when the fetched log is empty', () => {
    sut.fetched([]);
    sut.received(['a']);
    expect(sut.lines).toEqual(['a']);
  });

  it('starts over with a new fetch, forgetting what was held for the old one', () => {
    sut.fetched(['a']);
    sut.received(['a']);
    sut.start();
    sut.received(['c']);
    sut.fetched(['a', 'b', 'c']);
    expect(sut.lines).toEqual(['a', 'b', 'c']);
  });
});
