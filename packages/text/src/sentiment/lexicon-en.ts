import type { LexiconSource } from './lexicon.js';

// English customer-experience sentiment lexicon, written for this project (@cx/text) and released under
// CC0 1.0 (see LEXICON-LICENSE.md). Valences −4 … 4 in the style of AFINN/VADER, chosen for customer feedback
// about delivery, payment, support, apps, prices and returns. `term*` matches any word starting with `term`;
// `term !v` scores only when negated ("never arrived").
const entries = `
# positive
good 2
great 3
excellent 4
amazing 4
awesome 4
fantastic 4
wonderful 4
brilliant 4
superb 4
outstanding 4
perfect 3
perfectly 3
flawless 3
flawlessly 3
love 3
loved 3
loves 3
lovely 3
like 1
would like 0
d like 0
liked 2
nice 2
happy 3
pleased 2
satisfied 2
glad 2
delighted 4
helpful 2
friendly 2
polite 2
kind 2
courteous 2
patient 2
responsive 2
knowledgeable 2
professional 2
professionally 2
efficient 2
quick 2
quickly 2
fast 2
speedy 2
prompt 2
promptly 2
swift 2
easy 2
easily 2
effortless 2
simple 1
smooth 2
smoothly 2
seamless 2
seamlessly 2
convenient 2
intuitive 2
clear 1
reliable 2
accurate 2
recommend* 2
best 3
better 1
thanks 2
thank 2
thankful 2
grateful 3
appreciate* 2
impressed 3
impressive 3
enjoy* 2
super 3
cool 2
fine 1
decent 1
fair 1
affordable 2
cheapest 2
cheaper 1
cheap plastic -2
cheap material -2
cheap quality -2
bargain 2
worth 2
worthwhile 2
resolved 2
solved 2
sorted 1
fixed 1
beautiful 3
clean 1
modern 1
comfortable 2
comfy 2
top 2
on top 0
ten out of ten 3
nothing to fault 2
pleasantly 2
didn't expect 0
did not expect 0
solved my problem 2
resolved my problem 2
fixed my problem 2
problem solved 2
problem resolved 2
beautifully 3
fresh 1
safe 1
securely 1
secure 1
exceeded 3
gem 3
lifesaver 3
painless 2
hassle-free 3
well 1
as well 0
on time 2
in time 1
as described 2
as advertised 2
as promised 2
well packed 2
well packaged 2
well done 3
five stars 3
5 stars 3
all good 2
no complaints 2
no problems 2
no issues 2
no problem 1
no worries 1
not bad 1
not only 0
top notch 3
spot on 3
going above and beyond 3
above and beyond 3
# negative
bad -2
terrible -3
awful -3
horrible -3
dreadful -3
appalling -3
atrocious -3
disgusting -3
pathetic -3
poor -2
poorly -2
worst -3
worse -2
mediocre -2
slow -2
slowly -1
sluggish -2
late -2
delay* -2
broken -2
broke -2
damaged -2
damage -2
dented -2
crushed -2
torn -2
leaking -2
scratched -2
missing -2
lost -2
wrong -2
incorrect -2
faulty -2
defective -2
error* -2
bug -2
bugs -2
buggy -2
crash* -2
freez* -2
froze -2
scratch* -2
ripped -2
losing patience -2
lost patience -2
frozen -1
glitch* -2
lag* -1
fail* -2
unable -2
impossible -2
useless -3
pointless -2
rude -3
unhelpful -2
unprofessional -3
incompetent -3
clueless -2
ignored -2
ignoring -2
disappoint* -2
frustrat* -2
annoy* -2
irritat* -2
angry -3
furious -3
upset -2
unhappy -2
dissatisfied -2
unacceptable -3
complain* -2
problem -2
problems -2
problematic -2
issue -1
issues -1
hassle -2
nightmare -3
joke -2
scam* -4
fraud* -4
rip-off -3
ripoff -3
ripped off -3
overpriced -2
overcharg* -3
expensive -1
pricey -1
hidden -1
hidden fees -2
hidden costs -2
charged twice -3
double charged -3
cancelled -1
canceled -1
refused -2
refuse -2
declined -1
rejected -2
confusing -2
confused -1
complicated -2
difficult -2
hard -1
awkward -1
clunky -2
waste -2
wasted -2
avoid -3
never again -3
unfortunately -2
sadly -2
sad -2
hate -3
hated -3
dirty -2
cold -1
stuck -2
still waiting -2
waiting -1
waited -1
wait -1
ages -1
forever -1
mess -2
messy -2
chaos -2
chaotic -2
nightmarish -3
misleading -3
mislead* -3
lied -3
lie -2
lies -3
regret* -2
sorry -1
ridiculous -3
outrageous -3
shocking -3
shame -2
shameful -3
worried -1
worry -1
no response -2
no reply -2
no answer -2
no one -1
no help -2
not worth -2
# negated-only: expected outcomes that matter when they do not happen
arriv* !-2
receiv* !-2
deliver* !-2
came !-2
come !-2
shown !-1
showed !-1
work* !-2
respond* !-2
response !-2
repl* !-2
answer* !-2
load* !-2
open* !-1
refund* !-2
fit* !-1
match* !-1
accept* !-1
find* !-1
found !-1
help !-2
happen* !-2
happened !-2
call* back !-2
called !-1
ring* !-1
updat* !-1
bother* !-1
ship* !-1
sent !-1
send* !-1
log in !-2
login !-2
sign in !-2
turn on !-2
switch on !-2
# --- v2: praise words, comparatives and superlatives
faster 2
fastest 2
quicker 2
quickest 2
early 1
sooner 1
ahead of schedule 3
ahead of time 2
before the deadline 2
before the weekend 1
next day 1
next-day 1
same day 1
same-day 1
overnight 1
a breeze 3
breeze 2
makes up for it 2
make up for it 2
worth every penny 4
worth the money 3
worth the price 3
worth it 2
well worth 3
value for money 2
great value 3
good value 2
fair price 2
reasonable 2
reasonably 1
reasonably priced 2
competitive 1
does exactly what 2
exactly what i needed 3
exactly what i wanted 3
exactly as described 3
exactly as pictured 3
just what i needed 3
as expected 1
meets expectations 2
exceeds expectations 3
exceeded my expectations 4
beyond expectations 3
better than expected 3
better than i expected 3
kept me updated 2
kept me informed 2
kept me posted 2
at every step 1
updated me 1
went the extra mile 3
extra mile 3
carefully 2
careful 1
packed with care 3
nicely packed 2
well made 3
well-made 3
well built 3
sturdy 2
durable 2
solid 2
high quality 3
high-quality 3
top quality 3
quality product 2
great quality 3
good quality 2
excellent quality 4
premium 1
reliable 2
dependable 2
trustworthy 2
legit 1
genuine 1
authentic 1
accommodating 2
attentive 2
caring 2
understanding 1
empathetic 2
courteous 2
cheerful 2
welcoming 2
warm 1
lovely 3
pleasant 2
pleasure 3
a pleasure 3
joy 2
smooth sailing 3
straightforward 2
user-friendly 2
user friendly 2
easy to use 3
easy to find 2
easy to navigate 3
works great 3
works perfectly 3
works well 2
works fine 1
works like a charm 3
like a charm 3
spot-on 3
bang for the buck 3
no-brainer 2
highly recommend 3
would recommend 3
will recommend 2
recommended 2
will buy again 3
would buy again 3
buy again 2
will order again 3
order again 2
will be back 3
be back 2
coming back 2
shop here again 3
returning customer 2
loyal customer 1
regular customer 1
10/10 3
five-star 3
5-star 3
a+ 3
kudos 3
shout-out 2
shoutout 2
props 2
thank you for 3
thanks for 3
grateful for 3
appreciate it 2
much appreciated 3
made my day 3
lifesaver 3
life saver 3
saved the day 3
sorted it 2
sorted out 2
sorted quickly 3
quickly resolved 3
resolved quickly 3
solved quickly 3
replaced it 2
sent a replacement 2
replacement arrived 2
refunded 1
full refund 2
refund arrived 2
refund came 2
got my money back 2
money back 1
no questions asked 2
on the dot 2
right on time 3
arrived on time 2
arrived early 3
arrived quickly 3
arrived safely 2
arrived intact 2
intact 1
undamaged 1
in perfect condition 3
perfect condition 3
good condition 2
excellent condition 3
fits perfectly 3
fits well 2
fits great 3
true to size 2
as pictured 2
as shown 1
favourite 2
favorite 2
fave 2
gorgeous 3
stunning 3
elegant 2
stylish 2
tasty 2
delicious 3
crisp 1
fluffy 1
cosy 2
cozy 2
# --- v2: blame words and plain-fact complaints (events)
worst ever -4
never again -3
not again -2
soaked -2
drenched -2
wet -1
in the rain -1
left outside -2
left at the door -1
thrown -2
threw -2
dropped -1
smashed -3
shattered -3
cracked -2
chipped -2
bent -2
crushed -2
squashed -2
dented -2
leaks -2
leaked -2
leak -2
leaking -2
spilled -2
spilt -2
stained -2
stain -2
mouldy -3
moldy -3
mould -2
mold -2
rotten -3
spoiled -2
expired -2
stale -2
smelly -2
smells -2
stinks -3
pilling -2
faded -2
fades -2
shrank -2
shrunk -2
ripped -2
rips -2
tear -1
tore -2
frayed -2
loose -1
wobbly -2
flimsy -2
fragile -1
cheaply made -3
poorly made -3
badly made -3
poor quality -3
low quality -3
bad quality -3
fell apart -3
falls apart -3
falling apart -3
came apart -3
came off -2
come off -1
fell off -2
falls off -2
snapped -2
stopped working -3
stops working -3
quit working -3
died -2
dead -2
doa -3
won't turn on -3
wont turn on -3
doesn't turn on -3
does not turn on -3
won't charge -3
wouldn't charge -3
overheats -2
overheating -2
too loud -2
noisy -2
loud -1
completely different -2
totally different -2
different colour -1
different color -1
not as described -3
not as pictured -3
nothing like the picture -3
nothing like -2
wrong size -2
wrong colour -2
wrong color -2
wrong item -3
wrong order -3
wrong address -2
mix-up -2
mixup -2
missing parts -3
missing item -3
missing items -3
parts missing -3
incomplete -2
half empty -2
empty box -3
counterfeit -4
fake -3
knock-off -3
knockoff -3
used item -2
second-hand -1
refurbished -1
took weeks -2
took ages -2
took forever -3
weeks late -3
days late -2
late again -3
delayed again -3
still waiting -2
still no -2
yet to receive -2
yet to arrive -2
never arrived -3
never came -3
never received -3
never got -2
never happened -2
never heard back -3
never called back -3
no callback -2
no call back -2
no update -2
no updates -2
no tracking -2
no information -2
no info -2
no notice -2
without notice -2
without any notice -2
without warning -2
without telling -2
no explanation -2
no apology -2
no refund -3
no reply -2
no one answers -2
nobody answers -2
nobody replied -2
nobody called -2
on hold -2
hold for -1
hours on hold -3
waiting for weeks -3
waiting for days -2
weeks of waiting -3
rescheduled -2
postponed -2
moved again -2
pushed back -2
cancelled my order -2
canceled my order -2
lost my parcel -3
lost my package -3
lost my order -3
lost parcel -3
lost package -3
went missing -3
gone missing -3
stolen -3
left with a neighbour -1
didn't bother -3
couldn't be bothered -3
can't be bothered -3
just left -1
copy-paste -2
copy paste -2
canned response -2
generic response -2
scripted -1
runaround -3
the runaround -3
passed around -2
transferred again -2
blamed -2
blame -2
excuses -2
excuse -1
lied to -3
misled -3
unpaid -2
charged twice -3
charged me twice -3
charged again -2
double charge -3
double-charged -3
billed twice -3
overcharged -3
deducted -2
deduction -1
restocking fee -2
extra fee -2
extra fees -2
extra charge -2
surcharge -2
price went up -2
prices went up -2
raised the price -2
raised prices -2
price increase -2
price hike -2
hiked -2
costs more than -2
more expensive -2
too expensive -3
way too expensive -3
too pricey -2
not cheap -1
rip off -3
ripped me off -3
can't log in -3
cannot log in -3
can't login -3
cannot login -3
couldn't log in -3
unable to log in -3
logged me out -2
logs me out -2
keeps crashing -3
keeps freezing -3
keeps asking -1
crashes -3
crashed -3
freezes -2
froze -2
won't load -3
doesn't load -3
not loading -3
blank screen -2
white screen -2
error message -2
deleted -1
disappeared -2
vanished -2
overlap -1
overlaps -2
unusable -3
broken link -2
timed out -2
times out -2
declined -1
payment failed -3
payment declined -2
failed payment -3
not working -3
nothing works -3
doesn't work -3
does not work -3
didn't work -3
did not work -3
never works -3
went wrong -2
nothing went right -3
gone wrong -2
waste of money -3
waste of time -3
waste of my time -3
wasted my time -3
a joke -3
joke of a -3
embarrassing -2
disgrace -3
disgraceful -3
shambles -3
shambolic -3
sloppy -2
careless -2
carelessly -2
rushed -1
lazy -2
incompetence -3
negligence -3
negligent -3
dishonest -3
shady -3
sketchy -2
dodgy -2
unreliable -2
inconsistent -1
inaccurate -2
misleading -3
false -2
bogus -3
sucks -3
sucked -3
crap -3
crappy -3
rubbish -3
garbage -3
trash -3
junk -3
meh -1
underwhelming -2
underwhelmed -2
letdown -2
let down -2
let me down -3
fed up -3
sick of -3
tired of -2
had enough -3
lost a customer -3
lost customer -3
take my business elsewhere -3
shop elsewhere -3
go elsewhere -2
stay away -3
steer clear -3
beware -3
avoid at all costs -4
zero stars -4
0 stars -4
one star -3
1 star -3
one-star -3
1/10 -3
0/10 -4
# greetings and closing formulas: neither praise nor blame
good morning 0
good afternoon 0
good evening 0
good day 0
good night 0
have a good day 0
have a nice day 0
have a great day 0
kind regards 0
best regards 0
warm regards 0
best wishes 0
all the best 0
thanks in advance 0
thank you in advance 0
many thanks in advance 0
looking forward to 0
hope you are well 0
hope you're well 0
hope this helps 0
# discourse markers: they frame what follows and carry no valence of their own (VADER has honestly +2)
honestly 0
to be honest 0
frankly 0
seriously 0
literally 0
thanks for nothing -3
thank you for nothing -3
thanks for nothing at all -3
# --- v2b: positive facts and idioms
in seconds 2
in minutes 2
within minutes 2
within the hour 2
within an hour 2
within a day 1
under a minute 2
in under a minute 2
same afternoon 2
the same afternoon 2
worked first time 2
first visit 1
first try 1
saved me 2
saves me 2
you're a star 3
a star 2
superstar 3
life changing 3
life-changing 3
game changer 3
game-changer 3
unforgettable 3
buzzing 2
pays for itself 3
no fees 2
no extra fees 2
no interest 1
no buffering 2
no pressure 2
no fuss 2
without any fuss 2
without fuss 2
without a fuss 2
hassle free 3
piping hot 2
still hot 2
still warm 2
quieter 1
clearer 1
exactly when 2
exactly what i need 3
exactly what we needed 3
right away 1
straight away 1
before i even 2
before i'd even 2
before i had even 2
can't thank 3
cannot thank 3
can't thank them enough 4
couldn't be happier 4
couldn't be better 3
can't fault 3
couldn't fault 3
can't complain 2
cannot complain 2
nothing to complain about 2
never had a problem 3
never had an issue 3
never had any problems 3
never had any issues 3
never let me down 3
never disappoints 3
never fails 2
not a single problem 3
haven't had a single 2
no complaints at all 3
well worth it 3
so worth it 3
a lifesaver 3
peace of mind 2
sorcery 1
spot on 3
top marks 3
ten out of ten 3
chef's kiss 3
# --- v2b: blame, repetition and broken promises
yet again -2
once again -1
all over again -1
every single time -2
every single week -2
every time -1
each time -1
third time -2
fourth time -2
several times -1
multiple times -1
twice now -1
day after day -1
for weeks -1
for days -1
for months -2
since monday -1
supposed to -1
was supposed to -2
were supposed to -2
meant to -1
was meant to -2
should have arrived -2
should have been -1
promised -1
broken promise* -3
if i'd known -2
if i had known -2
had i known -2
would never have -2
wouldn't have -1
would not have -1
anything but -2
i'm done -2
i am done -2
what happened -1
no parcel -3
no package -3
no delivery -2
no refund yet -3
no sign of -2
nothing arrived -3
nothing at my door -3
is down -2
are down -2
went down -2
was down -2
keeps dropping -3
drops every -2
keeps dropping out -3
crept up -2
creeping up -2
gone up -2
went up -1
go up -1
almost double -2
nearly double -2
doubled -1
higher than -1
more than double -2
pay more -1
paying more -2
charged more -2
charged extra -2
extra charge -2
admin fee -1
hidden charge -2
out of pocket -2
not even close -2
nowhere near -2
stick drift -2
cracking -2
peeling -2
bowing -2
sagging -2
wobbles -2
creaks -2
creaky -2
rattles -2
buzzing noise -2
stopped charging -3
won't connect -3
doesn't connect -3
can't connect -3
keeps disconnecting -3
disconnects -2
black screen -2
jumps back -2
logs out -1
substituted -1
substitution* -1
swapped for -1
instead of -1
opened box -1
already opened -2
resealed -2
tampered -2
raw -1
undercooked -3
overcooked -2
soggy -2
lukewarm -2
stone cold -2
cold food -2
watery -2
bland -2
tasteless -2
inedible -3
gone off -3
out of date -2
sold out -1
out of stock -1
# --- v2b: negated-only expected outcomes
know !-1
tell !-1
understand !-1.5
understood !-1.5
able !-1.5
explain* !-1
fix !-2
solve* !-2
close* !-1
closes !-1
connect* !-1.5
ready !-1.5
cooked !-1.5
turn up !-2
turned up !-2
show up !-2
showed up !-2
call !-1
calls !-1
buy !-1
order !-1
book !-1
gone down -2
goes down -2
keeps going down -2
price rise -2
price rises -2
fee for -1
fee of -1
overdraft fee -2
daylight robbery -4
robbery -3
on top of -1
bounced -2
doesn't exist -2
does not exist -2
someone else's -1
a chore -2
fraud team 0
fraud alert 0
fraud department 0
genius 3
handy 2
spoiling us 2
unreal 2
no notes 2
looked after 3
felt looked after 3
big difference 2
no surprises 2
fresher 2
lasts longer 2
ready to go 2
fits exactly 3
exactly as 2
phoned ahead 1
friendly 2
careful 2
broke off -2
broke down -2
broken down -2
in # minutes 1.5
in # mins 1.5
in # seconds 2
in # secs 2
within # minutes 1.5
within # hours 1
after # minutes -1
after # hours -1.5
over # minutes -1
# minutes late -2
# hours late -2
# days late -2
# weeks late -3
`;

/**
 * Source of the shipped English lexicon (CC0, written for this project).
 * Extend it with domain terms and compile the result with {@link compileLexicon}.
 *
 * @example
 * ```ts
 * import { analyzeSentiment, compileLexicon, EN_LEXICON_SOURCE } from '@cx/text';
 * const lexicon = compileLexicon({ ...EN_LEXICON_SOURCE, entries: `${EN_LEXICON_SOURCE.entries}\nrestock* -1` });
 * console.log(analyzeSentiment('Item on restock again', { language: 'en', lexicons: { en: lexicon } }).label); // 'negative'
 * ```
 * @category Sentiment
 * @since 0.1.0
 */
export const EN_LEXICON_SOURCE: LexiconSource = {
  language: 'en',
  entries,
  negators: `not no never none nobody nothing neither nor without cannot can't don't doesn't didn't isn't wasn't
aren't weren't won't wouldn't couldn't shouldn't haven't hasn't hadn't ain't hardly barely lack lacks lacking zero
nobody's`,
  modifiers: `very 1.5 really 1.3 so 1.3 extremely 1.7 totally 1.5 absolutely 1.6 incredibly 1.6 highly 1.5 truly 1.3
completely 1.5 utterly 1.7 too 1.3 especially 1.3 most 1.3 pretty 1.1 slightly 0.5 somewhat 0.6 bit 0.6
little 0.6 fairly 0.8 rather 0.7 kinda 0.7 mostly 0.8 quite 0.9 still 1.2`,
  contrast: 'but however though yet except whereas nevertheless nonetheless',
};
