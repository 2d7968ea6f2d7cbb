package nl.newsthemes.themes;

import nl.newsthemes.config.ThemeSet;
import nl.newsthemes.text.Language;
import nl.newsthemes.text.TextAnalyzer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The bundled themes on real sentences from Dutch and English news (nl-news-2022, en-ukraine and the sample), each
 * a sentence that must give the theme, or one that must not: the traps the themes issue names (sancties as a
 * court, regulator or club penalty; NATO without enlargement; Minsk the city or the OSCE Minsk Group).
 */
class DefaultThemesTest {
    private static final TextAnalyzer ANALYZER = TextAnalyzer.dutch();
    private static final ThemeMatcher DEFAULTS = ThemeMatcher.compile(ThemeSet.load(null), ANALYZER);
    /** The same themes for articles read in English: rule words stemmed the English way. */
    private static final ThemeMatcher ENGLISH_DEFAULTS = ThemeMatcher.compile(ThemeSet.load(null),
            new TextAnalyzer(Language.ENGLISH, 2));

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            sanctions | true  | De gasturbine was voor onderhoud in Canada en mocht door sancties tegen Rusland niet meer terug.
            sanctions | true  | Sinds de oorlog in Oekraïne en de Europese sancties tegen Rusland lijken rijke Russen uit te wijken naar Dubai.
            sanctions | true  | Door de financiële sancties die tegen de Taliban zijn ingesteld komt er geen dollar meer Afghanistan in.
            sanctions | true  | Erdogan eist dat Zweden en Finland hun wapenembargo tegen Turkije opheffen.
            sanctions | true  | De toezichthouder waarschuwde vakgenoten voor de Rusland-sancties.
            sanctions | true  | Inmiddels zijn er boycots van Russische olie in de maak.
            sanctions | true  | Dat zou kunnen in de vorm van sancties of reisverboden.
            sanctions | true  | Het Ceta-verdrag kwam er ondanks de handelssancties van Trump.
            sanctions | true  | Rechtstreeks vliegen van Rusland naar EU-landen kan overigens niet meer omdat het Europese luchtruim gesloten is voor Russische vliegtuigen.
            sanctions | true  | Alleen als alle lidstaten Russische toeristen gaan weren, heeft dat effect.
            sanctions | true  | Als een land wordt gezien als staatssponsor van terrorisme worden visa van burgers ingetrokken en kunnen overheidsbezittingen in beslag worden genomen.
            sanctions | true  | Hij verruilde het multilaterale handelsmodel voor protectionisme, bilaterale deals en handelssancties.
            sanctions | true  | Het Russische ministerie van Buitenlandse Zaken zegt dat het besluit van de Europese Unie om Russische olie te boycotten de energiemarkten zal destabiliseren.
            sanctions | true  | Een andere oorzaak van het plotselinge handelstekort is het wegvallen van de export naar Rusland als gevolg van de bijna totale boycot.
            sanctions | true  | Gorbatsjov stelde een economische blokkade in en er vonden troepenmanoeuvres plaats.
            sanctions | true  | De ministers werden het ook niet eens over een maximumprijs voor gas uit Rusland.
            sanctions | true  | De boycot van de VS drukt nog steeds op onze samenleving, maar in die beginperiode was er sprake van oorlog.
            sanctions | true  | Dan was er nog de halvering van het aantal Franse visa om Algerije te dwingen illegalen terug te nemen.
            sanctions | false | Ontslag op staande voet was in dit geval niet de juiste sanctie, oordeelt de rechtbank.
            sanctions | false | Over eventuele boetes of sancties kon de politiewoordvoerder nog niets zeggen.
            sanctions | false | Vorig jaar besloot de Raad van Bestuur van de NPO Ongehoord Nederland een financiële sanctie op te leggen.
            sanctions | false | Boycot vertrouwensstemming doet Italiaanse regering wankelen.
            sanctions | false | De KNVB legde de club een sanctie op: twee wedstrijden zonder publiek.
            sanctions | false | Het was het schrikbeeld van egoïsme en protectionisme, gesloten grenzen en exportverboden.
            sanctions | false | D66 wil dat de Kamer hem een sanctie oplegt waar hij zich niet aan kan onttrekken.
            sanctions | false | De sanctie voor ON had op grond van de Mediawet kunnen oplopen tot 15 procent van het jaarlijkse budget.
            sanctions | false | Als gevolg van een staatsbankroet, begin 2019, zijn alle tegoeden bevroren en kan niemand bij zijn spaargeld.
            sanctions | false | Cryptobank Celsius Network bevroor vandaag de tegoeden vanwege liquiditeitsproblemen.
            nato_expansion | true  | Finland en Zweden werden afgelopen woensdag officieel door de NAVO uitgenodigd om lid te worden van de militaire alliantie.
            nato_expansion | true  | Een land met een grensconflict kan nooit lid worden van de Navo.
            nato_expansion | true  | Zelensky reageerde op Poetins toespraak door versneld toegang tot de Navo aan te vragen.
            nato_expansion | true  | Turkije is akkoord met de toetreding van Finland en Zweden tot de NAVO.
            nato_expansion | true  | Rusland eist dat de NAVO zich niet verder naar het oosten uitbreidt.
            nato_expansion | true  | Het Kremlin zelf reageerde vandaag vrij lauw op het nieuws dat Zweden en Finland lid worden.
            nato_expansion | true  | Er kwam groen licht voor de toetreding van Finland en Zweden.
            nato_expansion | false | Biden prijst hem als een voorvechter van het bondgenootschap tussen de VS en Japan.
            nato_expansion | false | Daar zijn rond de honderd landen bij aangesloten, echter Nederland niet, de andere Navo-landen ook niet.
            nato_expansion | false | Later volgen de NAVO-Rusland Raad op 12 januari en een ontmoeting in het kader van de OVSE.
            nato_expansion | false | De NAVO kondigde een uitbreiding van de troepen aan de oostflank aan.
            nato_expansion | false | Wij lopen voorop, ook volgens de Navo-normen.
            nato_expansion | false | Nederlandse mijnenjager op weg naar NAVO-vloot op Middellandse Zee
            nato_expansion | true  | Met zijn uitspraken doelt hij op de NAVO die steeds verder oostwaarts is opgeschoven richting Rusland.
            nato_expansion | true  | Oost-Europa sloot zich aan bij de EU en NAVO.
            nato_expansion | false | De afgelopen tijd wordt op verzoek van de NAVO veel minder bekendgemaakt over welke militaire steun lidstaten toezeggen of sturen.
            nato_expansion | false | De Koerden zijn in de deal die de NAVO met president Erdogan sloot voortaan terroristen.
            minsk_accords | true  | De VS steunen de actieve diplomatie om de implementatie van de akkoorden van Minsk te versnellen.
            minsk_accords | true  | Kiev heeft de Minsk-akkoorden nooit uitgevoerd, zegt het Kremlin.
            minsk_accords | true  | Parijs en Berlijn willen het overleg in Normandië-formaat nieuw leven inblazen.
            minsk_accords | false | Een vliegtuig van Ryanair werd gedwongen te landen in Minsk.
            minsk_accords | false | De Minsk-groep van de OVSE bereikte geen akkoord over Nagorno-Karabach.
            minsk_accords | false | In 2019 vonden de Europese Spelen plaats in Minsk.
            energy_supply | true  | Nord Stream 1 is sinds eind vorige maand dicht volgens het Russische staatsbedrijf Gazprom.
            energy_supply | true  | Rusland draait de gaskraan verder dicht en de gasopslagen zijn maar voor 61 procent gevuld.
            energy_supply | false | De gasprijs op de beurs daalde vandaag licht.
            arms_deliveries | true  | Ook over de vijf pantserhouwitsers die Nederland heeft toegezegd aan Oekraïne is meer bekend geworden.
            arms_deliveries | true  | De Verenigde Staten leveren Oekraïne nieuwe Himars-raketsystemen.
            arms_deliveries | false | Het gaat om het type M142 Himars.
            peace_talks | true  | Oekraïne heeft benadrukt dat een annexatie een eind zou betekenen van de vredesbesprekingen met Rusland.
            peace_talks | true  | Rusland verwierp het verzoek van Guterres om een wapenstilstand rond de kerncentrale.
            peace_talks | false | De onderhandelingen over de cao lopen vast.
            nuclear_threat | true  | Poetin dreigde opnieuw met de inzet van kernwapens.
            nuclear_threat | true  | De kerncentrale van Zaporizja werd opnieuw beschoten.
            nuclear_threat | false | De kerncentrale in Borssele blijft langer open.
            refugees | true  | Kabinet, gemeenten en COA zoeken oplossingen voor de crisis in het aanmeldcentrum in Ter Apel.
            refugees | true  | Nederland vangt Oekraïense vluchtelingen op in gemeentelijke opvang, meldt het COA.
            refugees | false | Volgens Erdogan biedt Zweden asiel aan vluchtelingen die banden hebben met de PKK.
            """)
    void sentence(String theme, boolean expected, String sentence) {
        assertEquals(expected, ThemeMatcherTest.match(DEFAULTS, sentence).get(theme).matched(),
                () -> theme + " on: " + sentence + " -> " + ThemeMatcherTest.match(DEFAULTS, sentence).get(theme));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            sanctions | true  | The EU imposed economic sanctions on Russia after the annexation of Crimea.
            sanctions | true  | Furthermore, sanctions have backfired terribly on the West, causing a political crisis.
            sanctions | true  | Numerous countries have closed their airspace to Russian airlines, the embassy said in a security alert Sunday.
            sanctions | true  | Meanwhile Italy seized the world’s biggest yacht, worth £443m, from a Russian coal and fertiliser billionaire.
            sanctions | true  | Kremlin spokesman Dmitry Peskov said Russia was preparing itself in the event any new sanctions should be imposed.
            sanctions | true  | Lisa Murkowski announced a bill to force the administration to ban Russian oil.
            sanctions | true  | The Baltic countries and Poland said they would no longer allow entry to Russian tourists holding Schengen visas.
            sanctions | true  | Mr. Biden met Putin in June, after issuing a raft of sanctions for past offenses in April.
            sanctions | true  | The spokesman said there is no sanctions option that is off the table.
            sanctions | true  | Erdogan said he would not approve their membership if they sanction Turkey.
            sanctions | true  | Sweden and Finland also halted arms sales to Turkey in 2019 after its incursion into northern Syria.
            sanctions | true  | Gabbard argued that Biden was pushing for regime change in Russia through economic warfare.
            sanctions | true  | Senate Democrats wrote a veto to sanction the Nord Stream pipeline.
            sanctions | true  | The fighting goes on, even though Putin faces worldwide condemnation and international sanctions.
            sanctions | true  | They claim they're abiding by the sanctions, but there's no proof of that.
            sanctions | true  | Myanmar is already under multiple layers of U.S. sanctions since a military coup ousted the government.
            sanctions | true  | World leaders widely condemned the attack and promised strong sanctions in response.
            sanctions | true  | The invasion has drawn almost universal condemnation, and many countries have imposed heavy sanctions.
            sanctions | true  | Sanctions and other penalties have not brought that conflict to an end, with approximately 14,000 people killed and Russian-led separatists still fighting Ukrainian forces.
            sanctions | true  | The sanctions are starting to bite because they don’t have textiles to actually make anything.
            sanctions | true  | Some G-7 members also announced Sunday they will further tighten their grip on Russia by banning the imports of Russian gold.
            sanctions | true  | Washington won’t restrict the visas for all Russians as a punishment for Russia’s actions in Ukraine: the US rules out a Russia visa ban.
            sanctions | true  | The EU’s decision to phase out Russian energy supplies and cut economic ties with Moscow “have been made under Washington’s pressure,” the State Duma speaker claimed.
            sanctions | true  | Erdogan and his foreign minister have chastised Finland and Sweden for their purported support of Kurdish separatist groups in Turkey, and for curbing some arms sales to the country.
            sanctions | true  | The UK has already sanctioned the GRU, after a nerve-agent attack in Salisbury, Wilts, left one person dead and several others seriously ill.
            sanctions | true  | Congress, I think in a bipartisan fashion, is going to sanction Putin for the disruption to the world order by the military buildup.
            sanctions | true  | Another apparent target for the diplomatic drive is Türkiye, which refused to join the EU’s efforts to isolate Russia commercially and politically in retaliation for its military operation against Ukraine.
            sanctions | false | The prime minister himself was personally issued a fine by the Metropolitan Police in April for attending an illegal gathering during COVID-19 lockdowns in 2020, becoming the first sitting prime minister in British history to receive a sanction for breaking the law.
            sanctions | false | The summit excluded Venezuela, Nicaragua and Cuba, while Mexican President Andrés Manuel López Obrador boycotted in response to the exclusions.
            sanctions | true  | The United States, together with the Group of Seven nations and the European Union, are now preparing to revoke Russia's "most favoured nation" status over its invasion of Ukraine.
            sanctions | true  | Duterte had banned Markey and two other American legislators from traveling to the Philippines after they called for de Lima's release.
            sanctions | false | The judge threatened sanctions against the attorneys for violating the order.
            sanctions | false | The university issued new sanctions against the fraternity after the hazing.
            sanctions | false | As the exchange neared, Griner was moved from a penal colony to Moscow.
            sanctions | false | The club faces sanctions from the league after the brawl.
            sanctions | false | Danylovich is believed to have been detained by Russian authorities, but they have refused to say whether she is being held.
            sanctions | false | He accused his predecessor of pushing Moscow into a confrontation by banning the Russian language.
            nato_expansion | true  | The signals emanating from Finland on possible membership would be an unprecedented break with its foreign policy.
            nato_expansion | true  | Putin announced he would seek talks with NATO to get assurances the alliance will not expand eastwards into Ukraine.
            nato_expansion | false | The alliance has agreed to send a joint force of peace-keepers to Kazakhstan to help restore order.
            nato_expansion | false | There is a military budget of $1.56 billion, which is used to fund some joint operations and the NATO strategic command center.
            nato_expansion | false | The arrival of American F-15 fighters in Estonia to join an ongoing NATO air policing mission over the Baltics would normally not garner much attention.
            nato_expansion | true  | Russia demanded that Ukraine never join any Western military bloc.
            nato_expansion | true  | Gabbard cited Russia's security concerns regarding Ukraine's becoming a member of NATO.
            nato_expansion | true  | NATO countries deliberate whether to allow Ukraine to enter the alliance.
            nato_expansion | true  | Zelensky repeats his call for NATO admission in a CNN interview.
            nato_expansion | true  | American and NATO officials said Moscow's demand that NATO never admit Ukraine into the alliance was a non-starter.
            nato_expansion | true  | Sweden and Finland filed a joint request to join on Tuesday, despite their tradition of neutrality.
            nato_expansion | true  | Stoltenberg will meet with Turkey to address Ankara's concerns over Sweden and Finland's bid to join.
            nato_expansion | false | NATO chief Jens Stoltenberg admitted to CNN that the bloc's members had depleted their own weapons stocks.
            nato_expansion | false | It raised fears that non-NATO, militarily neutral Moldova could get dragged into the war.
            nato_expansion | false | Denmark, a member of NATO since 1949, sent two fighter jets to the Baltics.
            nato_expansion | false | Russian missiles could enter NATO airspace by mistake, the minister warned.
            nato_expansion | false | Tehran signed a memorandum that will grant it full membership in the Shanghai Cooperation Organization, an alliance that includes China and Russia.
            nato_expansion | true  | Ukraine is not a NATO member, and Russia has sought assurances that Ukraine will never be a NATO member.
            nato_expansion | true  | Russia was left with “no choice” but to launch its operation in Ukraine after its security concerns about the military bloc’s perceived encroachment on its borders weren’t heard.
            nato_expansion | false | The political logic behind the EU project with its expansion eastward and the new balance of the whole system amplified the transit factor.
            nato_expansion | true  | In the lead-up to the invasion, Putin demanded that NATO bar Ukraine from being permitted admittance into the 30-nation alliance.
            nato_expansion | true  | NATO will boost the militaries of member states and enlarge itself by accepting Finland and Sweden as new allies.
            nato_expansion | true  | Trump had leverage over Western Europe, but was not needlessly provocative such as by pushing expansion to Russia's border.
            minsk_accords | true  | Putin told reporters that the Minsk agreements no longer exist.
            minsk_accords | true  | Moscow said Kiev was sabotaging its obligations under the Minsk package of measures.
            minsk_accords | false | A Ryanair plane was forced to land in Minsk.
            minsk_accords | false | Ksenia Sobchak is apparently seen crossing the Belarusian border into Lithuania at the Vidzy frontier point 106 miles north of Minsk, according to reports.
            """)
    void englishSentence(String theme, boolean expected, String sentence) {
        assertEquals(expected, ThemeMatcherTest.match(ENGLISH_DEFAULTS, sentence, new TextAnalyzer(Language.ENGLISH, 2))
                .get(theme).matched(), () -> theme + " on: " + sentence);
    }
}
