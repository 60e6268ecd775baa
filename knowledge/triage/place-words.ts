/**
 * Places in Aarhus Kommune: neighbourhoods, suburbs and villages citizens name to say where they live
 * ("børnehaveplads i risskov", "hul i vejen på trøjborg"). They say nothing about WHICH unit, and nothing
 * about whether the question is municipal business, so a place the knowledge base does not know is
 * neutral for the coverage signal instead of counting as a foreign word. Written in normal spelling;
 * triage.ts normalises and folds them like every other word.
 */
export const AARHUS_PLACES: readonly string[] = [
  'aarhus', 'århus', 'midtbyen', 'centrum', 'frederiksbjerg', 'trøjborg', 'vesterbro', 'latinerkvarteret', 'aarhus ø',
  'risskov', 'vejlby', 'egå', 'skæring', 'lystrup', 'elsted', 'trige', 'hjortshøj', 'skejby', 'lisbjerg', 'christiansbjerg',
  'viby', 'højbjerg', 'holme', 'skåde', 'tranbjerg', 'mårslet', 'beder', 'malling', 'solbjerg', 'hasselager', 'kolt',
  'brabrand', 'gellerup', 'hasle', 'åbyhøj', 'åby', 'tilst', 'sabro', 'harlev', 'framlev', 'borum', 'stavtrup',
  'ormslev', 'fårup', 'mundelstrup', 'spørring', 'todbjerg', 'mejlby', 'ellevang', 'bispehaven', 'toveshøj',
  'herredsvang', 'hasle bakker', 'møllevangen', 'nørrebro', 'ceres', 'godsbanen', 'marselisborg', 'moesgård',
];
