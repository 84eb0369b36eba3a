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
wróci* !-2
wpłynę* !-2
wpłynął !-2
wpłynęł* !-2
zadzwoni* !-1
oddzwoni* !-2
odezw* !-2
nastąpi* !-2
zaktualizowa* !-1
wysła* !-1
wysył* !-1
zalogowa* !-2
uruchomi* !-2
włącza* !-2
włączy* !-2
ładuje !-2
otworzy* !-1
zrealizowa* !-2
pomagaj* !-2
# --- v2: pochwały, stopień wyższy i najwyższy
najlepiej 3
najszybsz* 3
najtańsz* 1
najbardziej niezawodn* 3
niezawodn* 3
szybciej niż 2
wcześniej niż 2
przed czasem 3
przed terminem 3
dzień wcześniej 2
następnego dnia 2
na drugi dzień 2
w ciągu doby 2
ekspresowo 3
błyskawicznie 3
migiem 2
sprawnie 2
bez zarzutu 3
bezbłędn* 3
bez zastrzeżeń 3
bez problemu 2
bez kłopotu 2
bezproblemowo 3
wszystko gra 2
wszystko ok 2
wszystko w porządku 2
jak należy 2
zgodnie z opisem 3
zgodnie z obietnicą 2
dokładnie tego 2
tak jak trzeba 2
robi robotę 2
robi swoje 2
daje radę 2
spełnia oczekiwania 2
spełnia swoje zadanie 2
spełnił* oczekiwania 2
przerosł* oczekiwania 4
przeszedł oczekiwania 4
lepiej niż się spodziewał* 3
lepsz* niż się spodziewał* 3
pozytywnie zaskoczon* 3
mile zaskoczon* 3
pozytywn* 2
przyjemnoś* 3
przyjemn* 2
starann* 2
staranie 1
dokładn* 1
porządn* 2
solidnie 2
wytrzymał* 2
jakościow* 1
wysokiej jakości 3
dobrej jakości 2
świetnej jakości 3
najwyższej jakości 3
jakość super 3
wart* swojej ceny 3
wart* każdej złotówki 4
warto było 2
opłaca się 2
dobra cena 2
dobrej cenie 2
rozsądn* cen* 2
okazyjn* 2
promocj* 1
na bieżąco 2
informowa* na bieżąco 3
trzyma* rękę na pulsie 2
wynagradza 2
rekompensuje 2
cudown* 4
cudo 3
bajka 3
bajeczn* 3
petard* 3
sztos* 3
bomba 3
mistrz* 3
mistrzostwo 4
klas* sam* w sobie 3
pierwsza klasa 3
top 2
topow* 2
rewelka 3
wypas* 2
zachwycon* 4
zachwyt* 3
zachwyca 3
oczarow* 3
kocham ten 3
miodzio 3
palce lizać 3
pyszn* 3
smaczn* 2
wygodn* 2
ładn* 2
ładnie 2
estetyczn* 2
elegancki* 2
stylow* 2
gustown* 2
fajnie 2
git 2
spoko 1
okej 1
wyrozumiał* 2
pomocn* 2
pomógł 2
pomogła 2
pomogli 2
pomóc !-2
doradzi* 1
doradził* 2
uśmiechnię* 2
serdeczn* 2
przesympatyczn* 3
zaangażowan* 2
rzeczow* 2
konkretn* 1
fachow* 2
fachowo 2
ekspert* 1
godn* zaufania 3
zaufan* 1
polec* 2
polecenia 2
gorąco polecam 4
z czystym sumieniem 2
na pewno wrócę 3
wrócę 2
wrócimy 2
kupię ponownie 3
kupię jeszcze 3
zamówię ponownie 3
zamówię znowu 3
zamówię jeszcze 3
będę zamawiać 3
będę kupować 3
stał* klient* 1
wierny klient 2
dziękuję za 3
dzięki za 3
dziękujemy za 3
wdzięczn* 3
ratunek 2
uratowa* 2
sprawa załatwiona 2
załatwion* 2
załatwili 2
rozwiązali 2
rozwiązan* od ręki 3
od ręki 2
naprawion* 1
wymienili 2
wymiana bez problemu 3
wymienion* 1
zwrot bez problemu 3
pieniądze wróciły 2
zwrócili pieniądze 2
oddali pieniądze 2
oddali !-2
pieniądze na koncie 1
w idealnym stanie 3
idealnym stanie 3
w dobrym stanie 2
nienaruszon* 1
cał* i zdrow* 2
nieuszkodzon* 1
pasuje idealnie 3
leży idealnie 3
pasuje jak ulał 3
jak ulał 3
# --- v2: nagany i zdarzenia (skargi podane jako fakty)
najgorsz* -3
najgorzej -3
najsłabsz* -3
gorsz* -2
gorzej -2
beznadzieja -3
porażk* -3
katastrof* -3
koszmar* -3
horror -3
dramat* -3
masakr* -3
tragedia -3
żenad* -3
żal* -2
kpin* -3
skandal* -3
hańb* -3
wstyd* -3
oszust* -4
oszuk* -4
złodziej* -4
naciągacz* -4
zdzierstw* -3
rozbój -3
paskudn* -3
obrzydliw* -3
ohydn* -3
badziew* -3
szajs* -3
chłam* -3
syf* -3
gówn* -3
shit -3
dziadostw* -3
buble -3
bubel -3
byle jak* -3
byle co -2
niedbał* -2
niedbale -2
olewcz* -3
olewk* -3
lekceważ* -2
arogancj* -3
bezczeln* -3
niekulturaln* -3
opryskliw* -3
niemiło -2
nerwow* -1
przemok* -2
przemoczon* -2
zamok* -2
zmokł* -2
mokr* -2
zalan* -2
na deszczu -1
pod drzwiami -1
pod drzwi* -1
przez płot -2
rzucił* -2
rzucan* -2
potłuczon* -3
stłuczon* -3
stłukł* -3
potłukł* -3
zbit* -2
zbił* -2
rozbił* -3
pękł* -2
pęka -2
pęknięt* -2
popękan* -2
wgniecion* -2
wgnieced* -2
zgniecion* -2
pognieciony -2
wyszczerbion* -2
odpad* -2
odpadł* -2
odkleja* -2
odklei* -2
rozpada* -3
rozpadł* -3
rozlecia* -3
rozleci* -3
rozkleja* -3
rozklei* -3
rozpruł* -3
rozdar* -2
przetart* -2
dziur* -2
mechac* -2
zmechac* -2
sprał* -2
spiera* -2
farbuj* -2
wyblakł* -2
zafarbow* -2
skurczył* -2
zbiegł* -2
plam* -2
poplamion* -2
brudn* -2
zabrudzon* -2
śmierdzi -3
śmierdząc* -3
smród -3
cuchnie -3
zepsut* -3
zgnił* -3
spleśnia* -3
pleśń -3
przeterminowan* -3
nieśwież* -2
cieknie -2
cieknący -2
przecieka -2
wycieka -2
przeciek* -2
hałasuj* -2
hałaś* -2
grzeje się -2
przegrzewa -2
nagrzewa się -1
przestał* działać -3
przestało działać -3
przestaje działać -3
nie włącza się -3
nie chce się włączyć -3
nie ładuje -3
padł* -2
umarł* -2
nie działa -3
nic nie działa -3
działa źle -2
działa fatalnie -4
kompletnie inn* -2
zupełnie inn* -2
całkiem inn* -1
inny niż na zdjęciu -3
inna niż na zdjęciu -3
inne niż na zdjęciu -3
niż na zdjęciu -2
nie tak jak na zdjęciu -3
nie taki jak -2
nie taka jak -2
nie takie jak -2
niezgodn* z opisem -3
niezgodn* z zamówieniem -3
zły rozmiar -2
zły kolor -2
inny rozmiar -2
inny kolor -2
inny produkt -2
nie ten produkt -3
nie to co zamawiał* -3
nie to co zamówił* -3
pomylili -2
pomyłk* -2
pomieszali -2
brakuje części -3
brak części -3
niekompletn* -2
pust* pudełko -3
pust* paczk* -3
podróbk* -3
podrób* -3
używan* -1
przechodzon* -2
tydzień czekania -2
tygodni* czekania -3
dni czekania -2
miesiąc czekania -3
czekam od -2
czekam już -2
czekam na -1
nadal czekam -3
wciąż czekam -3
dalej czekam -3
nadal brak -3
wciąż brak -3
dalej brak -3
jak nie było tak nie ma -3
zaginęł* -3
zaginął -3
zaginion* -3
zgubion* -3
zgubili -3
skradzion* -3
ukradzion* -3
nie doszł* -3
nie przyszł* -3
nigdy nie dotarł* -3
przesunię* -2
przesuwa* -2
przełoż* -2
przekłada* -2
przełożon* -2
odwołan* -2
odwołali -2
anulowali -2
anulowan* -1
opóźnienie -2
opóźnienia -2
opóźnion* -2
spóźnion* -2
spóźnienie -2
za późno -2
zbyt późno -2
później niż -2
dłużej niż -2
tygodniami -2
miesiącami -3
godzinami -2
godzinę na infolinii -3
wisiałam -2
wisiałem -2
spychol* -3
zbywa* -3
zbyli -3
zbył* -3
wymówk* -2
tłumacz* się -2
kłamstw* -3
kłamią -3
okłam* -3
wprowadz* w błąd -3
wprowadzają w błąd -3
kopiuj wklej -2
gotowc* -2
formułk* -2
szablonow* -2
automatyczn* odpowiedź -1
nikogo to nie obchodzi -3
nie obchodzi -2
zero kontaktu -3
zero odpowiedzi -3
zero pomocy -3
brak reakcji -3
brak odzewu -3
brak informacji -2
bez informacji -2
bez słowa -2
bez uprzedzenia -2
bez ostrzeżenia -2
bez powiadomienia -2
bez wyjaśnienia -2
bez przeprosin -2
nieopłacon* -2
pobrali dwa razy -3
pobrano dwa razy -3
pobrali podwójnie -3
podwójnie pobra* -3
dwa razy pobra* -3
obciążyli dwa razy -3
obciążon* dwukrotnie -3
dodatkow* opłat* -2
ukryt* koszt* -2
potrącili -2
potrącon* -2
potrącenie -2
opłat* manipulacyjn* -2
cena wzrosła -2
ceny wzrosły -2
podnieśli cen* -2
podnieśliście cen* -2
podwyżk* -2
drożej niż -2
droższ* -1
za drogo -3
za drogi -3
za droga -3
za drogie -3
zbyt drogo -3
zbyt drogi* -3
przepłaco* -3
zdziercy -3
kosztuje więcej niż -2
nie mogę się zalogować -3
nie da się zalogować -3
nie mogę zalogować -3
wylogowuje -2
wylogowała -2
wylogował* -2
wywala* -3
wyrzuca* -2
crashuje -3
krzaczy -3
zawiesza się -3
zawiesiła się -3
zawiesił się -3
zamula -2
muli -2
nie ładuje się -3
nie wczytuje -3
biały ekran -2
pusty ekran -2
komunikat o błędzie -2
zniknęł* -2
zniknął -2
znikają -2
nakładają się -2
nie da się kliknąć -3
nie mogę kliknąć -3
bezużyteczn* -3
nieużywaln* -3
płatność nie przeszła -3
płatność odrzucon* -2
odrzucon* -2
odrzucili -2
nie przyjęli -2
odmówili -2
nie uznali -3
reklamacj* odrzucon* -3
odrzucili reklamacj* -3
reklamacja odrzucona -3
straciłem -2
straciłam -2
stracił* czas -3
zmarnowa* -3
zmarnowan* -3
szkoda słów -3
szkoda nerwów -3
szkoda gadać -3
nerwy -2
nerwów -2
stres* -2
zawiodłam -3
zawiodłem -3
rozczarowan* -3
rozczarowuj* -2
rozczarowani* -3
mam dość -3
mam dosyć -3
dość mam -3
ostatni raz -2
po raz ostatni -3
nigdy więcej -3
więcej nie kupię -3
więcej nie zamówię -3
nie kupię więcej -3
nie zamówię więcej -3
stracili klienta -3
straciliście klienta -3
omijać szerokim łukiem -4
szerokim łukiem -3
trzymajcie się z daleka -3
uważajcie -3
przestroga -3
odradzam -3
ku przestrodze -3
zero gwiazdek -4
jedna gwiazdka -3
jedną gwiazdkę -3
1 gwiazdka -3
cudo 3
cudeńk* 3
cuda 3
głośny -1
głośna -1
głośno -1
dokładnie tego 2
dokładnie tak jak 1
# powitania i formuły grzecznościowe: ani pochwała, ani nagana
dzień dobry 0
dobry wieczór 0
dobrego dnia 0
miłego dnia 0
miłego wieczoru 0
miłego weekendu 0
z góry dziękuję 0
z góry dzięki 0
z góry dziękujemy 0
z poważaniem 0
serdecznie pozdrawiam 0
pozdrawiam serdecznie 0
pozdrawiam 0
pozdrawiamy 0
witam serdecznie 0
dobrze rozumiem 0
czy dobrze 0
dzięki za nic -3
dziękuję za nic -3
dziękujemy za nic -3
pobra* pieniądze dwa razy -3
pobra* pieniądze dwukrotnie -3
obciąży* dwa razy -3
obciąży* mnie dwa razy -3
# --- v2b: dobre fakty i idiomy
szacunek 3
szacun 3
złota kobieta 3
złoty człowiek 3
złota rączka 2
jak złoto 3
to złoto 3
złoto 2
poezja 3
poezji 2
strzał w dziesiątkę 3
tak trzymać 3
jak u mamy 3
jak z prawdziwej 2
# porównania z domem i rzemiosłem: pochwała jedzenia
jak u babci 3
jak u babci* 3
jak domow* 2
jak z wiejsk* 2
jak w restauracji 2
jak z restauracji 2
jak z piekarni 2
wyższej jakości 2
lepszej jakości 2
lepszego nie znajdzie* 3
lepszej nie znajdzie* 3
nie znajdzie* lepsz* 3
rozpieszcza 2
rozpieszcz* 2
wreszcie 1
nareszcie 1
pod ręką 1
na wysokości zadania 3
stanęli na wysokości zadania 3
bez wychodzenia z domu 2
tak to powinno wyglądać 3
tak powinno być 2
w sekundę 2
w kilka sekund 2
w kilka minut 2
w parę minut 2
w minutę 2
od ręki 2
od razu 1
jeszcze parowały 2
jeszcze ciepł* 2
gorąc* 1
świeżutk* 3
pachnąc* 1
bez kolejki 2
bez kolejek 2
bez czekania 2
bez dopłat 2
bez prowizji 2
bez opłat 2
bez ukrytych 2
zero problemów 3
zero kłopotów 3
ani razu się nie 3
nigdy nie zawiodł* 3
nigdy mnie nie zawiodł* 3
nigdy nie miał* problemu 3
nigdy nie miał* problemów 3
nie mam się do czego przyczepić 3
nie ma się do czego przyczepić 3
nie mogę narzekać 2
nie narzekam 2
sama radość 3
czysta przyjemność 3
mistrzowsk* 3
pierwsza klasa 3
na poziomie 2
robi wrażenie 3
wow 2
sztos 3
petarda 3
bomba 3
mega 2
kozak* 2
git 2
spoko 1
extra 3
chwalę 2
pochwalić 2
chciałam pochwalić 3
chciałbym pochwalić 3
chciałem pochwalić 3
wielki plus 3
duży plus 2
plus za 2
na plus 2
same plusy 3
oszczędzam 1
oszczędność 1
zaoszczędził* 2
# --- v2b: nagany, powtórzenia i niedotrzymane obietnice
po raz kolejny -2
kolejny raz -2
drugi raz -1
trzeci raz -2
czwarty raz -2
piąty raz -2
po raz drugi -1
po raz trzeci -2
po raz czwarty -2
za każdym razem -1
z rzędu -1
od tygodnia -1
od tygodni -2
od miesiąca -2
od miesięcy -2
od dwóch tygodni -2
od trzech dni -1
od kilku dni -1
miało być -2
miał być -2
miała być -2
miały być -2
mieli być -2
miało przyjść -2
miała przyjść -2
miał przyjechać -2
niby -1
a niby -2
jakiś żart -3
to żart -3
żart -2
kpina -3
serio? -1
skandal -3
gdybym wiedział -2
gdybym wiedziała -2
gdyby nie -1
pusty karton -3
pusta paczka -3
pusta paczka -3
poza oknem -2
poza oknem czasowym -2
inny niż -1
inna niż -1
inne niż -1
inną niż -1
nie zgadza się -2
nie domyka -2
nie zamyka się -2
nie uruchamia -3
nie uruchamia się -3
nie działa -3
nie łączy -3
rozłącza -2
zrywa -2
łuszczy -2
łuszczy się -2
pęka -2
skrzypi -2
trzeszczy -2
chwieje -2
gumow* -2
bez smaku -2
niedopieczon* -3
surow* -1
wystygł* -2
rozmokł* -2
przypalon* -2
zepsute -3
jak szmat* -3
szmatka -2
lumpeks* -1
dopłacić -2
kazali dopłacić -3
kazali płacić -2
płacę za -1
drożeje -2
zdrożał* -2
podrożał* -2
dwa razy drożej -3
więcej niż w umowie -3
nikt nic nie wie -3
nikt nie wie -2
nikt się nie odzywa -3
nikt się nie odezwał -3
każdy mówi co innego -3
co innego -1
przegapił* -2
przepadł* -2
zgubion* -3
# --- v2b: oczekiwane zdarzenia (tylko przy zaprzeczeniu)
potraf* !-2
umia* !-2
umie !-2
umieją !-2
wie !-1
wiedzą !-1
powiedzie* !-1
powie !-1
wyjaśni* !-1.5
naprawi* !-2
domyka !-2
zamyka !-1
łączy !-1.5
gotow* !-1.5
obniżka 1
taniej niż 1
niższe niż 1
niższa niż 1
zdzierstwo -3
rozbój w biały dzień -4
złodziejstwo -4
dopłata -1
opłata za -1
prowizja -1
nie istnieje -2
cudzy -1
kupił* !-2
kupiła* !-2
kupię !-2
kupiłbym !-2
kupiłabym !-2
zamówię !-2
zamówiłbym !-2
zamówiłabym !-2
rozumi* !-2
rozumiał* !-2
odpisyw* !-2
odpisał* !-2
pleśni -3
w pleśni -3
spleśniał* -3
rzecz jasna 0
stanął na głowie 3
stanęła na głowie 3
stanęli na głowie 3
bez dyskusji 2
bez zbędnych pytań 2
duży plus 3
kłótni* -2
kłótnia -2
awantur* -2
użeran* -3
użerać -3
w # minut 1.5
w # minuty 1.5
w # minutę 1.5
w # sekund 2
w # sekundy 2
w # godzin* 1
w # dni 1
zero kombinowania 2
bez odsetek 2
na szóstkę 3
majstersztyk 3
jak nowe 2
jak nowy 2
jak nowa 2
trzyma poziom 2
po brzegi 2
opłaca 2
się opłaca 2
poprawn* 1
poprawnie 1
niedojrzał* -2
ścierk* -3
spalenizn* -3
kiwa -2
przestał* -1.5
podszed* !-2
podszedł !-2
obsłuży* !-2
chciał !-1.5
chciała !-1.5
chcieli !-1.5
chcial* !-1.5
zostawił* przed -1.5
płakał* -2
plakal* -2
to on nie jest -3
to ona nie jest -3
to ono nie jest -3
to oni nie są -3
trudno powiedzieć 0
trudno coś powiedzieć 0
trudno ocenić 0
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
tak 1.2 aż 1.2 super 1.3 trochę 0.6 nieco 0.6 lekko 0.6 dość 0.8 dosyć 0.8 raczej 0.7 całkiem 0.9 nadal 1.2 wciąż 1.2 ciągle 1.2 znowu 1.2 znów 1.2`,
  contrast: 'ale jednak lecz natomiast chociaż choć aczkolwiek niemniej',
};
