import { searchWords } from './search-words';

describe(searchWords.name, () => {
  it('should split what people type into words, whatever separates them', () => {
    expect(searchWords('  Städtetag,2022 & "Rathaus"|Sundern:* ')).toEqual([
      'Städtetag',
      '2022',
      'Rathaus',
      'Sundern',
    ]);
  });

  it('should keep no operator or quote that could change the query', () => {
    expect(searchWords("!(a) <-> b' OR 1=1 --")).toEqual(['a', 'b', 'OR', '1']);
  });

  it('should ask for at most eight distinct words', () => {
    expect(searchWords('a b c d e f g h i j a')).toHaveLength(8);
    expect(searchWords('Wort wort Wort')).toEqual(['Wort', 'wort']);
  });

  it('should find no words in punctuation alone', () => {
    expect(searchWords(' -- !! ')).toEqual([]);
  });
});
