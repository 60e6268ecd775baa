/**
 * Words of subjects that are plainly not the municipality's business (issue 3: "weather, football,
 * recipes"; test/eval/README.md's label rules add shares, trains and flights, trivia, homework, shopping).
 * A message built on these is out of scope even if one of its other words happens to occur in the
 * knowledge base ("hvem vandt fodboldkampen" reaches "vand" by its stem).
 *
 * Only words that a municipal question would not use: no "sne" (snerydning is Teknik og Miljø's), no
 * "koncert" (Musikhuset is the municipality's), no "tog" (also "took"), no "bil" or "billet" (parking).
 * Written in normalised form; `*` marks a prefix ("fodbold*" covers "fodboldkampen").
 */
export const OFF_TOPIC: readonly string[] = [
  // weather
  'vejr', 'vejret', 'vejrudsigt*', 'regnvejr', 'solskin', 'blæsevejr', 'weather', 'forecast',
  'sunny', 'rain', 'raining',
  // sport
  'fodbold*', 'håndbold*', 'superliga*', 'landshold*', 'agf', 'fck', 'brøndby', 'champions', 'vm', 'em', 'målscorer*',
  'football', 'soccer', 'handball', 'league', 'score', 'goal', 'goals', 'tennis', 'golf', 'formel', 'cykelløb*',
  'vandt', 'won', 'win', 'winner',
  // food and recipes
  'anbefal*', 'recommend*',
  'opskrift*', 'bage', 'bager', 'kage*', 'lasagne', 'boller', 'middagsret*', 'kalorier', 'recipe*', 'bake',
  'baking', 'cake', 'restaurant*', 'pizza', 'calories',
  // money markets
  'aktie*', 'aktiekurs*', 'bitcoin', 'krypto*', 'investering*', 'investere', 'valutakurs*', 'stock', 'stocks', 'shares',
  'investment', 'crypto',
  // travel
  'flybillet*', 'flyafgang*', 'lufthavn*', 'togbillet*', 'togafgang*', 'dsb', 'rejsekort*', 'hotel*', 'flight*',
  'airport', 'train', 'trains',
  // trivia, homework, entertainment
  'hovedstad*', 'dronning*', 'præsident*', 'lektie*', 'matematik*', 'digt', 'vittighed*', 'joke', 'jokes',
  'capital', 'president', 'homework', 'poem', 'serie', 'netflix', 'eiffel*', 'tivoli', 'smukfest*',
  'biograf*', 'cinema', 'movies', 'maraton*', 'marathon', 'fitness*', 'gym',
  // shopping
  'netto', 'føtex', 'bilka', 'rema', 'irma', 'sko', 'shoes', 'mobilabonnement*',
];
