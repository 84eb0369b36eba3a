import type { LexiconSource } from './lexicon.js';

// Polish customer-experience sentiment lexicon, written for this project (@cx/text) and released under
// CC0 1.0 (see LEXICON-LICENSE.md). Polish inflects heavily, so most entries are stems: `szybk*` matches
// szybka, szybko, szybkie, szybkiego… Short or ambiguous forms are listed whole (zły, zła, źle: a stem `zł*`
// would also match `zł`, `złoty`, the currency). `term !v` scores only when negated ("nie działa").
const entries = `
# pozytywne
dobr* 2
dobrze 2
świetn* 3
super 3
ekstra 3
extra 3
rewelac* 4
doskonał* 4
znakomi* 4
wspaniał* 4
idealn* 3
ideał* 3
perfekc* 3
fantasty* 4
genialn* 4
najlepsz* 3
lepsz* 1
lepiej 1
polecam 3
polecamy 3
polecen* 2
godn* polecenia 3
zadowolon* 2
zadowolen* 2
usatysfakcjonow* 2
szczęśliw* 3
cieszę 2
cieszy 2
miło 2
mił* 2
uprzejm* 2
sympatyczn* 2
pomocn* 2
profesjonaln* 2
profesjonalizm* 2
kompetent* 2
kulturaln* 2
życzliw* 2
cierpliw* 2
szybk* 2
szybciutk* 2
szybciej 1
błyskawiczn* 3
ekspresow* 2
sprawn* 2
łatw* 2
łatwiej 1
prost* 1
intuicyjn* 2
wygodn* 2
przejrzyst* 2
czyteln* 1
bezproblemow* 3
pod wrażeniem 2
przemił* 3
jasn* 1
gładko 2
czyst* 1
nowoczesn* 1
uczciw* 2
na najwyższym poziomie 3
dziesięć na dziesięć 3
nie mam się do czego przyczepić 2
problem* rozwiąza* 2
rozwiąza* mój problem 2
rozwiąza* problem* 2
bezpieczn* 1
solidn* 2
rzeteln* 2
terminow* 2
punktualn* 2
dziękuję 2
dziękujemy 2
dzięki 2
podziękowan* 2
brawo 3
gratul* 2
tani* 1
tanio 1
opłacaln* 2
warto 2
wart 1
warta 1
warte 1
fajn* 2
spoko 1
piękn* 3
pięknie 3
śliczn* 3
zachwyc* 3
uwielbiam 3
uwielbia* 3
kocham 3
lubię 2
podoba 2
podobał* 2
spodoba* 2
pomógł 2
pomogł* 2
pomoc* !-2
załatwi* 1
rozwiąza* 1
wyjaśni* 1
sprawdza się 2
sprawdził się 2
sprawdziła się 2
na czas 2
w terminie 2
na czasie 1
w porządku 2
bez zarzutu 3
bez zarzutów 3
zgodn* z opis* 2
zgodn* z zamówieniem 2
jak w opisie 2
bez problemu 2
bez problemów 2
bez żadnych problemów 3
pięć gwiazdek 3
5 gwiazdek 3
nie tylko 0
nie najgorz* 1
nie ma problemu 1
# negatywne
zły -2
zła -2
złe -2
złego -2
złej -2
złym -2
złą -2
źle -2
słab* -2
kiepsk* -2
fataln* -3
tragiczn* -3
tragedi* -3
okropn* -3
straszn* -3
beznadziej* -3
koszmar* -3
żenad* -3
żenując* -3
skandal* -3
porażk* -3
dramat* -3
masakr* -3
kpin* -3
szkoda -2
niestety -2
rozczarow* -2
zawiod* -2
zawied* -2
zawiedz* -2
niezadowol* -2
nieprzyjemn* -2
niemił* -2
niegrzeczn* -3
nieuprzejm* -3
niekompetent* -3
nieprofesjonal* -3
niepomocn* -2
nieczyteln* -2
niewygodn* -2
nieintuicyjn* -2
nieaktualn* -2
niezgodn* -2
nieudoln* -2
niedopuszczaln* -3
nie do przyjęcia -3
niekorzystn* -2
niewłaściw* -2
niepoważn* -3
nieuczciw* -3
niezrozumia* -2
niejasn* -2
niezałatwion* -2
niesprawn* -2
nieczynn* -2
niedostępn* -2
nieprawidłow* -2
problem* -2
kłopot* -2
błąd -2
błęd* -2
usterk* -2
awari* -2
zepsu* -2
uszkodz* -2
połaman* -2
zniszcz* -2
rozbit* -2
pęknię* -2
pękni* -2
pognieci* -2
zgniecion* -2
porysowan* -2
wadliw* -2
wada -2
wady -2
wadę -2
brud* -2
brakując* -2
zgubi* -2
zagubi* -2
zagin* -2
opóźni* -2
spóźni* -2
późno -1
wolno -1
powoln* -2
długo -1
czeka* -1
czekan* -1
drogo -1
drogie -1
drożej -1
przepłac* -2
zdzierstw* -3
oszu* -4
naciąg* -3
kradzież* -3
okradzion* -3
chamsk* -3
opryskliw* -3
arogan* -3
ignoruj* -2
zignorow* -2
olewa* -3
olał* -3
olali -3
zawiesza* -2
zawiesi* -2
zawiesz* -2
wywala* -2
wysypuj* -2
zacina* -2
zacięł* -2
laguj* -2
odrzuc* -2
odmówi* -2
odmawia* -2
rysa -2
rysą -2
rysy -2
rysę -2
narzeka* -2
trac* cierpliwoś* -2
wyłącza się -2
potrąci* -1
skomplikow* -2
trudn* -2
ciężk* -1
ciężko -1
męcząc* -2
frustr* -2
denerw* -2
zdenerw* -2
wkurz* -3
irytuj* -2
irytac* -2
wściek* -3
strata czasu -3
strat* -2
szkoda pieniędzy -3
szkoda czasu -3
nigdy więcej -3
reklamac* -1
reklamuj* -1
skarg* -2
anulow* -1
ukryt* -1
ukryt* opłat* -2
dopłat* -1
pobra* dwa razy -3
dwukrotnie pobra* -3
zimn* -1
mokr* -1
pomył* -2
pomyli* -2
bałagan* -2
chaos* -2
tandet* -3
badziew* -3
bubel -3
bubl* -3
lipa -2
lipn* -2
dno -3
żału* -2
odradzam -3
odradza* -3
unikaj* -3
omijaj* -3
przykro -2
smutn* -2
średni* -1
kiepściut* -2
zwlek* -2
zwłok* -2
nie da się -2
brak -1
brakuje -1
brakowało -1
brak odpowiedzi -2
brak kontaktu -2
zero kontaktu -3
zero odpowiedzi -3
zero informacji -2
bez odpowiedzi -2
bez kontaktu -2
# tylko przy zaprzeczeniu: oczekiwane zdarzenia, które nie nastąpiły
dotar* !-2
doszł* !-2
doszed* !-2
przyszł* !-2
przyszed* !-2
dostał* !-2
dostarcz* !-2
otrzyma* !-2
dział* !-2
zadział* !-2
znajd* !-1
znajduj* !-1
odpowi* !-2
odpisa* !-2
odezwa* !-2
odbiera* !-2
ładuj* !-2
ładowa* !-2
zalogow* !-2
logowa* !-2
mog* !-1
dodzwoni* !-2
zgadza* !-2
pasuj* !-1
zwróc* !-2
zwrot* !-2
oddali !-2
przyjęł* !-1
przyjął !-1
`;

/**
 * Source of the shipped Polish lexicon (CC0, written for this project).
 * Extend it with domain terms and compile the result with {@link compileLexicon}.
 *
 * @example
 * ```ts
 * import { analyzeSentiment, compileLexicon, PL_LEXICON_SOURCE } from '@cx/text';
 * const lexicon = compileLexicon({ ...PL_LEXICON_SOURCE, entries: `${PL_LEXICON_SOURCE.entries}\nprzedsprzedaż* -1` });
 * console.log(analyzeSentiment('Znowu przedsprzedaż', { language: 'pl', lexicons: { pl: lexicon } }).label); // 'negative'
 * ```
 * @category Sentiment
 * @since 0.1.0
 */
export const PL_LEXICON_SOURCE: LexiconSource = {
  language: 'pl',
  entries,
  negators:
    'nie ani nigdy nikt nic niczego nikogo żaden żadna żadne żadnego żadnej żadnych bez brak brakuje brakowało zero',
  modifiers: `bardzo 1.5 naprawdę 1.3 mega 1.5 totalnie 1.5 kompletnie 1.5 całkowicie 1.5 zupełnie 1.5 wyjątkowo 1.5
niesamowicie 1.6 niezwykle 1.5 ogromnie 1.5 strasznie 1.5 okropnie 1.5 zbyt 1.3 niezmiernie 1.5 serio 1.2 wręcz 1.3
tak 1.2 aż 1.2 super 1.3 trochę 0.6 nieco 0.6 lekko 0.6 dość 0.8 dosyć 0.8 raczej 0.7 całkiem 0.9`,
  contrast: 'ale jednak lecz natomiast chociaż choć aczkolwiek',
};
