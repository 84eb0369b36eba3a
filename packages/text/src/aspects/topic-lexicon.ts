import type { SupportedLanguage } from '../language.js';

/**
 * The customer-experience topics that {@link analyzeAspects} finds in a text.
 *
 * @example
 * ```ts
 * import { CX_TOPICS } from '@cx/text';
 * console.log(CX_TOPICS.length); // 8
 * ```
 * @category Aspects
 * @since 0.2.0
 */
export const CX_TOPICS = Object.freeze([
  'delivery',
  'product_quality',
  'price',
  'support',
  'checkout_payment',
  'app_website',
  'store',
  'returns',
] as const);

/**
 * One customer-experience topic: delivery, product quality, price, support, checkout and payment, app and
 * website, store, returns.
 *
 * @category Aspects
 * @since 0.2.0
 */
export type CxTopic = (typeof CX_TOPICS)[number];

// Topic vocabularies written for this project (CC0 1.0): comma-separated terms; `term*` matches any word
// starting with `term`; multi-word terms match adjacent words. Polish is also matched without diacritics.
// A term marked `~` (mostly verbs and adjectives: `arriv*`, `dotar*`, `zepsu*`) is a weak mention: it names
// the topic of a clause only when no other term in that clause names one.
const EN: Readonly<Record<CxTopic, string>> = {
  delivery: `deliver*, shipping, shipped, ship, shipment*, courier*, parcel*, package*, packaging, packed, box,
    boxes, ~arriv*, dispatch*, postman, postwoman, post office, postal, tracking, tracked, track my, transit, dpd,
    ups, fedex, dhl, inpost, locker*, pickup point, pick-up point, doorstep, porch, neighbour, neighbor,
    driver*, van, warehouse, ~on its way, ~late, ~delay*, ~rescheduled, ~left outside, substitut*, assembl*, installer*, delivery slot, time slot`,
  product_quality: `quality, product*, item*, fabric*, material*, stitch*, seam, seams, zipper*, zip, sole, soles, strap*,
    battery, batteries, screen, handle, handles, lid, cable*, charger*, motor, blade*, lens, colour, color,
    size, sizing, ~fit, ~fits, ~broke*, ~broken, ~faulty, defect*, durab*, sturdy, flimsy, cheaply made, well made,
    ~wash, ~washing, ~stopped working, ~fell apart, ~leak*, taste*, tastes, smell*, fresh*, build,
    design, shoes, boots, jacket, dress, shirt, jeans, sofa, chair, table, lamp, kettle, blender, phone case,
    headphones, earbuds, vacuum, mattress, toy*, cream, perfume, food, meal*, pizza*, burger*, sushi, dumpling*,
    noodle*, curry, kebab*, taco*, coffee, bread, fruit*, veg, vegetable*, salad*, meat, cheese*, chicken, rice,
    portion*, dish, dishes, flavour*, flavor*, signal, coverage, broadband, wifi, wi-fi, connection, speed*, network,
    data, room, rooms, bed, beds, breakfast, pool, view, flight*, seat*, luggage, wardrobe*, drawer*, desk*,
    bookcase*, shelf unit, trousers, jumper*, coat*, trainers, sneakers, fabric, laptop*, tv, television, printer*,
    router*, console*, controller*, fridge*, washing machine, dishwasher*, oven*, kettle*, toaster*, granola,
    strawberries, berries, eggs, milk, tomatoes, bananas, rug*, model, ~as described,
    ~works perfectly, ~stopped charging`,
  price: `pric*, cost*, expensive, cheap*, afford*, overpriced, value for ~money, money, ~worth, bargain*,
    deal, deals, discount*, promo*, coupon*, voucher*, sale, fee, fees, surcharge*, subscription price, ~pay more,
    rip off, ripoff, rip-off, pln, zloty, dollar*, euro, euros, pound, pounds, tenner, quid, ~paying for`,
  support: `support, customer service, customer care, service desk, helpdesk, help desk, hotline, helpline,
    agent*, consultant*, advisor*, adviser*, staff, representative*, rep, team, employee*, chat, live chat,
    chatbot, bot, email*, e-mail*, phone, ~call*, callback, ticket*, complaint*, ~answer*, ~repl*, ~respon*,
    ~contact*, operator*, manager, supervisor, on hold, engineer*, technician*, crew, cabin crew, flight attendant*,
    receptionist*, reception, concierge, guide*`,
  checkout_payment: `checkout, check-out, payment*, ~pay, ~paying, ~paid twice, card, cards, credit card, debit card,
    blik, paypal, apple pay, google pay, transfer, bank, ~charged, ~charge*, ~billed, billing, invoice*, receipt*,
    cart, basket, order form, place an order, placing an order, promo code, discount code, installment*,
    instalment*, ~declined, ~unpaid, transaction*`,
  app_website: `app, apps, application, website, web site, site, page*, webpage, online shop, online store,
    login, log in, ~logged, sign in, account*, password*, update, updates, version, bug*, crash*, freez*, glitch*,
    ~loading, ~load*, browser, mobile, android, iphone, ios, interface, navigation, navigate, search, filter*,
    menu, notification*, blank screen, ~click*, ~tap, button*, error*, form, forms, setting*, option*, reminder*,
    dark mode, widget*, ~saved`,
  store: `store, stores, shop, shops, showroom, outlet, branch, boutique, mall, counter, cashier*, till,
    checkout line, queue*, fitting room*, shelf, shelves, staff in store, in store, in-store, salesperson*,
    shop assistant*, sales assistant*, parking, opening hours, stationary, brick and mortar, click and collect,
    click & collect, click-and-collect`,
  returns: `return*, refund*, exchange*, replacement*, replaced, send back, sent back, sending back, money back,
    warranty, guarantee, rma, complaint form, return label, return policy, restocking, reimburse*, credit note,
    chargeback, ~swapped, ~swap it`,
};

const PL: Readonly<Record<CxTopic, string>> = {
  delivery: `dostaw*, ~dostarcz*, przesyłk*, paczk*, paczuszk*, kurier*, wysył*, wysła*, doręcz*, ~dotar*,
    ~przyszł*, ~przyszed*, ~doszł*, nadan*, awizo, awizow*, paczkomat*, automat paczkow*, punkt odbioru,
    odbiór osobisty, inpost, dpd, dhl, ups, gls, poczt*, listonosz*, śledzeni*, numer przesyłki, tracking,
    opakowan*, zapakow*, karton*, pudełk*, magazyn*, ~spóźni*, ~opóźni*, termin dostawy, transport*, kierowc*, montaż*, montaz*, monter*, ~przyjecha*`,
  product_quality: `jakoś*, produkt*, towar*, materiał*, tkanin*, szw*, zamek, zamka, suwak*, podeszw*, pasek,
    bateri*, akumulator*, ekran*, wyświetlacz*, przycisk*, rączk*, uchwyt*, pokrywk*, kabel*, ładowark*,
    silnik*, ostrz*, kolor*, rozmiar*, rozmiarówk*, ~pasuje, ~pasował*, ~zepsu*, ~uszkodz*, ~wadliw*, wad*,
    usterk*, trwałość, trwały, solidn*, tandet*, wykonani*, wykonan*, ~pranie, ~praniu, ~przestał* działać,
    smak*, zapach*, pachn*, śwież*, buty, butów, kurtk*, sukienk*, koszul*, spodni*, sweter, swetr*, kanap*,
    krzesł*, stół, lamp*, czajnik*, blender*, etui, słuchawk*, odkurzacz*, materac*, zabawk*, krem*,
    perfum*, sprzęt*, urządzeni*, ekspres, ekspresu, ekspresem, jedzeni*, posił*, pizz*, burger*, sushi, pierog*,
    kebab*, kaw*, chleb*, pieczyw*, bułk*, owoc*, warzyw*, sałat*, mięs*, ser, sery, sera, serem, kurczak*, ryż*,
    porcj*, dani*, internet*, światłowód*, zasięg*, sygnał*, łącz*, transfer*, pokój, pokoju, pokoje, hotel*,
    śniadani*, basen*, widok*, lot, lotu, samolot*, łóżk*, szaf*, stoł*, komod*, szuflad*, biurk*, spodnie,
    spodni*, płaszcz*, bluz*, laptop*, telefon*, telewizor*, drukark*, router*, pralk*, lodówk*, zmywark*,
    piekarnik*, jajk*, mleko, pomidor*, trusk*, malin*, fotel*, dywan*, instrukcj*, ~zgodn* z opisem`,
  price: `cen*, cenow*, ~kosztuj*, koszt*, koszcie, ~drog*, ~drożej, ~tani*, ~taniej, ~tanio, opłacaln*, przepłac*,
    zdzierstw*, pieniądz*, pieniędzy, ~wart*, ~warto, promocj*, rabat*, zniżk*, kupon*, voucher*,
    wyprzedaż*, okazj*, opłat*, dopłat*, zł, złotych, złote, pln, euro, podwyżk*, abonament*, konkurencj*`,
  support: `obsług*, obsłudze, konsultant*, doradc*, pracownik*, pracownic*, personel*, infolini*, biuro
    obsługi, helpdesk, czat*, chat*, chatbot*, czatbot*, mail*, e-mail*, maila, telefon*, ~dzwoni*, ~zadzwoni*, ~oddzwoni*,
    zgłoszeni*, skarg*, ~odpowied*, ~odpowiad*, ~odpis*, kontakt*, ~pomoc*, ~pomógł, ~pomogł*, ~pomóc,
    ~pomocn*, ~niepomocn*, kierownik*, sprzedawc*, uprzejm*, miła pani, miły pan, technik*, serwisant*,
    recepcj*, rezydent*, pilot wycieczki, stewardes*, załog*`,
  checkout_payment: `płatnoś*, płatnicz*, ~płaci*, ~zapłac*, zapłat*, opłacon*, nieopłacon*, ~płacił*, karta,
    kartą, karty, kart*, blik*, paypal, przelew*, bank*, ~pobrali, ~pobrano, ~pobranie, ~obciąż*, faktur*, paragon*, koszyk*,
    kod rabatowy, kod promocyjny, raty, ratach, ratalna, ratalny, transakcj*, finaliz*`,
  app_website: `aplikacj*, apk*, appk*, strona, stronie, stronę, stronka, stronce, stron* internetow*, witryn*, sklep internetowy, sklepie internetowym,
    online, ~logowa*, ~zalogowa*, ~wylogow*, konto, konta, kont*, hasł*, aktualizacj*, wersj*, błąd,
    błęd*, bug*, ~zawiesz*, ~zawiesi*, ~zawiesza*, ~wywala*, crash*, ~ładowa*, ~ładuje, przeglądark*,
    android*, iphone*, ios, interfejs*, nawigacj*, wyszukiwar*, filtr*, menu, powiadomie*, ~klik*, przycisk*,
    opcj*, ustawieni*, formularz*, tryb ciemny, widżet*`,
  store: `sklep, sklepu, sklepie, sklepem, sklepy, salon*, stacjonarn*, galeri*, kasjer*,
    kolejk*, przymierzal*, półk*, regał*, ekspedient*, parking*, godziny otwarcia, lokal*,
    filia, filii, oddział*`,
  returns: `zwrot pieniędzy, zwrotu pieniędzy, zwrot* kasy, zwrot*, ~zwróc*, ~zwraca*, ~oddać, ~odda*, wymian*, ~wymieni*, reklamac*, ~reklamow*, gwaranc*,
    rękojm*, ~odesła*, ~odsył*, ~odsyła*, zwrócon*, pieniądze wróciły, korekt*, etykiet* zwrotn*, formularz
    zwrotu, chargeback`,
};

/** The topic vocabularies of each supported language. */
export const TOPIC_SOURCES: Readonly<Record<SupportedLanguage, Readonly<Record<CxTopic, string>>>> = {
  en: EN,
  pl: PL,
};
