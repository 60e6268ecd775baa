/**
 * Function words that say nothing about WHICH unit a question is for. Danish and English, written in the
 * normalised form (lower case, æ/ø/å); they are folded like every other token before use. Question
 * words ("hvornår", "how") are here too: intent.ts reads them from the raw text, routing does not need them.
 *
 * Greetings and politeness ("hej", "tak", "please") are here because citizens write them and they match
 * nothing. Words about phoning and opening hours are NOT here: see ROUTING_WEAK in intent-words.ts.
 */
const DANISH = `
ad af aldrig alle alt altid andet andre at bag bare begge blev blive bliver bl da dag de dem den denne
dens der deres det dette dig din dine disse dit dog du efter ej eller elles en end endnu ene eneste enhver
er et ethvert fik for fordi fra få får gerne gjorde gør gøre gøres ham han hans har havde have hej hende
hendes her hos hun hvad hvem hver hvilke hvilken hvilket hvis hvor hvordan hvorfor hvornår i ikke ind
ingen intet ja jeg jer jeres jo kan kommer kunne lidt lige man mange med meget men mens mere mig min mine
mit mod må måske ned nej noget nogen nogle nok nu når og ogsa også om op os over på sagde se selv sig sin
sine sit skal skulle som sådan så tak til ud uden udover under var ved vi vil ville vore vores vær være
været øh hallo hey goddag godmorgen godaften venlig venligst hilsen mvh kære altså egentlig lige nemlig
osv fx feks evt ca hej-hej okay ok vel jamen nå så-hvad sgu bare lige dér der's
fået få kom komme kommet synes syntes tror troede ved vide vidste sige siger sagde sagt tage
tager taget tog give giver givet gav bruge bruger brugt lave laver lavet ser set finde finder fandt fundet
ønsker ønske stadig igen allerede helt mest lille stor store stort god gode dårlig dårligt hele heller kun
snart længe længere siden cirka derfor vist mon sikkert rigtig rigtigt virkelig faktisk desværre måtte
kunne skulle ville burde plejer prøve prøver prøvet spørge spørger spurgt svar svare høre hører hørt
kr kroner procent måned måneder måneden månedlig uge uger ugen dage dagen timer timen minutter gange gang
`;

const ENGLISH = `
a about above after again all also am an and any are as at be because been before being below between both
but by can could did do does doing done down during each few for from further get got had has have having
he her here hers herself him himself his how i if in into is it its itself just let me more most my myself
no nor not now of off on once only or other our ours ourselves out over own same she should so some such
than that the their theirs them themselves then there these they this those through to too under until up
very was we were what when where which while who whom why will with would you your yours yourself
yourselves hi hello hey dear please thanks thank regards cheers ok okay im i'm dont don't cant can't wont
won't ive i've id i'd ill i'll youre you're whats what's
get gets got getting need needs needed want wants wanted like know knew think thought say says said make
makes made take takes took go goes going went come comes came see saw seen still really much many lot lots
something anything thing things already also maybe sure tell told ask asked trying try tried able
good bad best better nice great
dkk kr percent month months monthly week weeks day days hours minutes times
`;

function parse(list: string): string[] {
  return list.split(/\s+/).filter((w) => w.length > 0 && !w.includes('-') && !w.includes("'"));
}

export const DANISH_STOPWORDS: readonly string[] = parse(DANISH);
export const ENGLISH_STOPWORDS: readonly string[] = parse(ENGLISH);
