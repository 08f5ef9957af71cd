#pragma once

#include <array>
#include <initializer_list>
#include <string_view>

// Internal: per service, the checklist items staff tick and sentences a note about it typically contains.
namespace fieldkit::casegen::templates {

struct ServiceTemplate {
    std::string_view code;
    std::initializer_list<std::string_view> checklist;
    std::initializer_list<std::string_view> sentences;
};

using namespace std::string_view_literals;

// One row per catalogue entry of DOMAIN.md, in its order.
inline const std::array<ServiceTemplate, 13> services = {{
    {"moving"sv,
     {"flyttedato_oplyst"sv, "ny_adresse_kontrolleret"sv, "laegevalg"sv, "navne_adressebeskyttelse"sv,
      "co_adresse"sv, "digital_post_kontaktoplysninger"sv, "boern_skole_dagtilbud"sv, "boligstoette"sv},
     {"Flytningen er anmeldt med virkning fra den {date}."sv,
      "Borgeren har valgt ny læge i nærheden af den nye adresse."sv,
      "Nyt sundhedskort sendes automatisk til den nye adresse."sv,
      "Borgeren er oplyst om muligheden for at søge boligstøtte."sv,
      "Børnene skal skrives op til skole og dagtilbud i det nye område."sv}},
    {"health-card"sv,
     {"identitet_kontrolleret"sv, "laegevalg"sv, "gruppe_1_eller_2"sv, "gammelt_kort_destrueret"sv},
     {"Borgeren har skiftet læge, og det nye sundhedskort er bestilt."sv,
      "Sundhedskortet var bortkommet, og et erstatningskort er bestilt mod gebyr."sv,
      "Borgeren ønsker at forblive i sygesikringsgruppe 1."sv}},
    {"residence-cert"sv,
     {"identitet_kontrolleret"sv, "formaal_oplyst"sv, "gebyr_betalt"sv},
     {"Bopælsattesten skal bruges til en ansøgning i udlandet."sv,
      "Attesten er udstedt og sendt til borgerens Digital Post."sv}},
    {"passport"sv,
     {"pasfoto_godkendt"sv, "gammelt_pas_medbragt"sv, "foraeldresamtykke"sv, "gebyr_betalt"sv,
      "fingeraftryk_optaget"sv, "underskrift"sv},
     {"Borgeren fremviste gammelt pas, og der er optaget fingeraftryk."sv,
      "Pasfotoet blev taget på stedet."sv, "Begge forældre har givet samtykke til barnets pas."sv,
      "Passet kan afhentes på Borgerservice om cirka {days} hverdage."sv}},
    {"driving-licence"sv,
     {"laegeattest"sv, "foto_godkendt"sv, "gammelt_koerekort"sv, "gebyr_betalt"sv, "underskrift"sv},
     {"Kørekortet skal fornyes, og lægeattesten er vedlagt."sv,
      "Borgeren har mistet sit kørekort, og et duplikat er bestilt."sv,
      "Det nye kørekort sendes med posten."sv}},
    {"youth-id"sv,
     {"alder_over_15"sv, "foto_godkendt"sv, "identitet_kontrolleret"sv, "gebyr_betalt"sv},
     {"Legitimationskortet er bestilt og sendes til folkeregisteradressen."sv,
      "En forælder var med som vidne til identiteten."sv}},
    {"mitid"sv,
     {"identitet_kontrolleret"sv, "pas_eller_koerekort"sv, "app_installeret"sv, "kodeviser_udleveret"sv,
      "sikringsniveau_haevet"sv},
     {"Borgeren har fået hjælp til at aktivere MitID-appen; personalet har ikke set borgerens kode."sv,
      "Der er udleveret en kodeviser, da borgeren ikke har en smartphone."sv,
      "Sikringsniveauet er hævet efter kontrol af pas."sv}},
    {"digital-post"sv,
     {"fritagelse_oenskes"sv, "partsrepraesentant"sv, "postkasse_oprettet"sv},
     {"Borgeren er fritaget for Digital Post og modtager breve med posten."sv,
      "Datteren er registreret som partsrepræsentant og kan læse posten."sv,
      "Borgeren fik vist, hvordan man åbner post på borger.dk."sv}},
    {"tax-card"sv,
     {"forskudsopgoerelse_aabnet"sv, "indkomst_rettet"sv, "fradrag_rettet"sv},
     {"Forskudsopgørelsen er rettet med den nye pension."sv,
      "Borgeren er vejledt om at kontakte Skattestyrelsen ved tvivl."sv}},
    {"child-benefit"sv,
     {"boernefamilieydelse"sv, "boernetilskud"sv, "bidrag"sv, "henvist_udbetaling_danmark"sv},
     {"Borgeren er vejledt om børne- og ungeydelse og henvist til Udbetaling Danmark."sv,
      "Ansøgning om ekstra børnetilskud er sendt via borger.dk."sv}},
    {"free-place"sv,
     {"husstandsindkomst_oplyst"sv, "antal_boern"sv, "dagtilbud_plads"sv, "dokumentation_modtaget"sv},
     {"Ansøgningen om økonomisk friplads er modtaget med lønsedler for de sidste tre måneder."sv,
      "Husstandsindkomsten skal dokumenteres, før sagen kan afgøres."sv}},
    {"pension"sv,
     {"folkepensionsalder"sv, "ansoegning_sendt"sv, "varmetillaeg"sv, "helbredstillaeg"sv,
      "digital_post_ok"sv},
     {"Ansøgningen om folkepension er sendt; borgeren når folkepensionsalderen om fem måneder."sv,
      "Borgeren er oplyst om, at tillæg ikke gives med tilbagevirkende kraft."sv,
      "Borgeren er vejledt om varmetillæg og helbredstillæg."sv}},
    {"guidance"sv,
     {"myndighed_identificeret"sv, "selvbetjening_vist"sv, "henvist"sv},
     {"Borgeren er henvist til Familieretshuset."sv,
      "Borgeren fik hjælp til selvbetjening og klarede resten selv."sv,
      "Spørgsmålet hører under regionen; borgeren har fået telefonnummeret."sv}},
}};

} // namespace fieldkit::casegen::templates
