#pragma once

#include <array>
#include <string_view>

// Internal: the Danish word lists the generator draws from. Common real names and street names, so the zstd
// dictionary learns the shapes that real data has.
namespace fieldkit::casegen::vocabulary {

using namespace std::string_view_literals;

inline constexpr std::array maleNames = {
    "Peter"sv,   "Jens"sv,      "Lars"sv,   "Michael"sv, "Henrik"sv,   "Søren"sv,    "Thomas"sv, "Jan"sv,
    "Niels"sv,   "Christian"sv, "Martin"sv, "Anders"sv,  "Morten"sv,   "Jesper"sv,   "Mads"sv,   "Rasmus"sv,
    "Kim"sv,     "Hans"sv,      "Ole"sv,    "Per"sv,     "Frederik"sv, "Mikkel"sv,   "Emil"sv,   "Lucas"sv,
    "William"sv, "Oliver"sv,    "Noah"sv,   "Carl"sv,    "Magnus"sv,   "Viktor"sv,   "Bent"sv,   "Poul"sv,
    "Erik"sv,    "Knud"sv,      "Jørgen"sv, "Torben"sv,  "Ahmed"sv,    "Mohammad"sv, "Kasper"sv, "Jonas"sv,
    "Tobias"sv,  "Aksel"sv,     "Malthe"sv, "Svend"sv,   "Flemming"sv,
};

inline constexpr std::array femaleNames = {
    "Anne"sv,    "Kirsten"sv, "Mette"sv,    "Hanne"sv,     "Anna"sv,    "Helle"sv,    "Susanne"sv,
    "Lene"sv,    "Maria"sv,   "Marianne"sv, "Inge"sv,      "Karen"sv,   "Lone"sv,     "Bente"sv,
    "Camilla"sv, "Pia"sv,     "Louise"sv,   "Charlotte"sv, "Ida"sv,     "Emma"sv,     "Sofie"sv,
    "Freja"sv,   "Laura"sv,   "Clara"sv,    "Alma"sv,      "Ella"sv,    "Birgitte"sv, "Tina"sv,
    "Jytte"sv,   "Gitte"sv,   "Signe"sv,    "Julie"sv,     "Cecilie"sv, "Fatima"sv,   "Agnes"sv,
    "Astrid"sv,  "Ingrid"sv,  "Grethe"sv,   "Ulla"sv,      "Dorthe"sv,  "Vibeke"sv,   "Nanna"sv,
};

inline constexpr std::array femaleMiddleNames = {"Marie"sv, "Louise"sv, "Kristine"sv, "Sofie"sv,
                                                 "Margrethe"sv};
// Family names used as middle names, for anyone.
inline constexpr std::array middleNames = {
    "Juul"sv,    "Bech"sv,  "Holm"sv, "Skov"sv,  "Krogh"sv,
    "Winther"sv, "Lykke"sv, "Munk"sv, "Bruun"sv, "Damgaard"sv,
};

inline constexpr std::array surnames = {
    "Nielsen"sv,     "Jensen"sv,      "Hansen"sv,    "Pedersen"sv,     "Andersen"sv,   "Christensen"sv,
    "Larsen"sv,      "Sørensen"sv,    "Rasmussen"sv, "Jørgensen"sv,    "Petersen"sv,   "Madsen"sv,
    "Kristensen"sv,  "Olsen"sv,       "Thomsen"sv,   "Christiansen"sv, "Poulsen"sv,    "Johansen"sv,
    "Møller"sv,      "Mortensen"sv,   "Knudsen"sv,   "Jakobsen"sv,     "Mikkelsen"sv,  "Olesen"sv,
    "Frederiksen"sv, "Laursen"sv,     "Henriksen"sv, "Lund"sv,         "Schmidt"sv,    "Eriksen"sv,
    "Holm"sv,        "Kristiansen"sv, "Clausen"sv,   "Simonsen"sv,     "Svendsen"sv,   "Andreasen"sv,
    "Iversen"sv,     "Jeppesen"sv,    "Mogensen"sv,  "Jacobsen"sv,     "Nørgaard"sv,   "Bach"sv,
    "Dahl"sv,        "Kjær"sv,        "Lauridsen"sv, "Vestergaard"sv,  "Østergaard"sv, "Bak"sv,
    "Hussein"sv,
};

inline constexpr std::array streets = {
    "Vestergade"sv,     "Østergade"sv,       "Nørregade"sv,
    "Søndergade"sv,     "Algade"sv,          "Storegade"sv,
    "Kirkevej"sv,       "Skolevej"sv,        "Møllevej"sv,
    "Stationsvej"sv,    "Byagervej"sv,       "Engvej"sv,
    "Skovvej"sv,        "Ringvejen"sv,       "Strandvejen"sv,
    "Havnegade"sv,      "Jernbanegade"sv,    "Bredgade"sv,
    "Kongensgade"sv,    "Dronningensgade"sv, "Frederiksberg Allé"sv,
    "Nørrebrogade"sv,   "Amagerbrogade"sv,   "Vesterbrogade"sv,
    "Jagtvej"sv,        "Hovedgaden"sv,      "Bygaden"sv,
    "Parkvej"sv,        "Rosenvænget"sv,     "Birkevej"sv,
    "Egevej"sv,         "Bøgevej"sv,         "Lindevej"sv,
    "Ahornvej"sv,       "Kastanievej"sv,     "Tværgade"sv,
    "Gellerupparken"sv, "Tingbjerg Allé"sv,  "Ålekistevej"sv,
    "Åboulevarden"sv,
};

inline constexpr std::array towns = {
    "1050 København K"sv,  "2100 København Ø"sv,   "2200 København N"sv,    "2300 København S"sv,
    "2400 København NV"sv, "2450 København SV"sv,  "2500 Valby"sv,          "2700 Brønshøj"sv,
    "2720 Vanløse"sv,      "2000 Frederiksberg"sv, "2800 Kongens Lyngby"sv, "2900 Hellerup"sv,
    "2600 Glostrup"sv,     "2630 Taastrup"sv,      "2750 Ballerup"sv,       "3000 Helsingør"sv,
    "3400 Hillerød"sv,     "4000 Roskilde"sv,      "4200 Slagelse"sv,       "4700 Næstved"sv,
    "5000 Odense C"sv,     "5700 Svendborg"sv,     "6000 Kolding"sv,        "6700 Esbjerg"sv,
    "7100 Vejle"sv,        "7400 Herning"sv,       "8000 Aarhus C"sv,       "8200 Aarhus N"sv,
    "8220 Brabrand"sv,     "8700 Horsens"sv,       "8800 Viborg"sv,         "8900 Randers C"sv,
    "9000 Aalborg"sv,      "9800 Hjørring"sv,      "4600 Køge"sv,
};

inline constexpr std::array floors = {"st."sv, "1."sv, "2."sv, "3."sv, "4."sv, "kl."sv};
inline constexpr std::array sides = {"th."sv, "tv."sv, "mf."sv};

inline constexpr std::array places = {
    "Hovedbiblioteket"sv,  "Torvet"sv,
    "Bydelshuset"sv,       "Beboerhuset"sv,
    "Hovedbanegården"sv,   "Kulturhuset"sv,
    "Aktivitetscentret"sv, "Medborgerhuset"sv,
    "Plejecentret"sv,      "Biblioteket i Gellerup"sv,
};

inline constexpr std::array channels = {"bike"sv, "to-go"sv, "kiosk"sv};

inline constexpr std::array answers = {"ja"sv, "ja"sv, "ja"sv, "nej"sv, "delvist"sv, "ikke relevant"sv};

inline constexpr std::array openings = {
    "Borgeren henvendte sig ved servicecyklen ved {place}."sv,
    "Hjemmebesøg efter aftale; borgeren kan ikke selv komme på rådhuset."sv,
    "Borgeren mødte op ved kiosken på {place} og bad om hjælp."sv,
    "Pårørende var med og hjalp med at forklare situationen."sv,
    "Borgeren har svært ved at bruge digitale løsninger og ønskede personlig betjening."sv,
    "Borgeren blev henvist fra {place}."sv,
};

inline constexpr std::array remarks = {
    "Borgeren ønsker at blive kontaktet på telefon efter kl. 15."sv,
    "Borgeren havde ikke alle dokumenter med og sender resten via Digital Post."sv,
    "Borgeren bor alene og får hjælp af hjemmeplejen to gange om ugen."sv,
    "Der er behov for tolkebistand ved næste samtale."sv,
    "Borgeren har givet samtykke til, at oplysningerne deles med Borgerservice."sv,
    "Borgeren var usikker på reglerne, og vi gennemgik dem sammen."sv,
    "Borgerens søn deltog telefonisk under samtalen."sv,
    "Borgeren har tidligere haft en lignende sag i kommunen."sv,
    "Det blev aftalt, at vi tager med cyklen forbi igen i næste uge."sv,
    "Borgeren fik udleveret en pjece om kommunens tilbud til ældre."sv,
};

inline constexpr std::array closings = {
    "Borgeren er informeret om sagsbehandlingstiden."sv,
    "Der er aftalt opfølgning om {days} dage."sv,
    "Kvittering er sendt til borgerens Digital Post."sv,
    "Borgeren ringer selv, hvis der opstår spørgsmål."sv,
    "Borgeren er vejledt om selvbetjening på borger.dk og fik en trykt vejledning med."sv,
    "Sagen afsluttes, når dokumentationen er modtaget."sv,
    "Tolk var ikke nødvendig."sv,
};

} // namespace fieldkit::casegen::vocabulary
