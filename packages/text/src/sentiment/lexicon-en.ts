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
broke -1
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
aren't weren't won't wouldn't couldn't shouldn't haven't hasn't hadn't ain't hardly barely lack lacks lacking`,
  modifiers: `very 1.5 really 1.3 so 1.3 extremely 1.7 totally 1.5 absolutely 1.6 incredibly 1.6 highly 1.5 truly 1.3
completely 1.5 utterly 1.7 too 1.3 especially 1.3 most 1.3 pretty 1.1 slightly 0.5 somewhat 0.6 bit 0.6
little 0.6 fairly 0.8 rather 0.7 kinda 0.7 mostly 0.8 quite 0.9`,
  contrast: 'but however though although yet',
};
