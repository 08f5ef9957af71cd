#include <array>
#include <fieldkit/core/service_catalogue.hpp>

namespace fieldkit::core {

namespace {

// Self-service links: plausible borger.dk paths, TO BE VERIFIED against the live portal before release
// (borger.dk reorganises its paths now and then; a wrong link is a support call at the kiosk).
// Fees: stated as text without amounts on purpose, rates change every year.

constexpr LocalizedText kFree{"Gratis", "Free"};
constexpr LocalizedText kCurrentRate{"Gebyr efter gældende takst", "Fee at the current rate"};
constexpr LocalizedText kMunicipality{"Kommunen", "The municipality"};
constexpr LocalizedText kCivilRegistration{"Kommunen (Folkeregistret)",
                                           "The municipality (civil registration)"};

constexpr std::array kMovingChecklist{
    ChecklistItem{1,
                  {"Anmeld flytningen senest 5 dage efter og tidligst 4 uger før flytningen",
                   "Report the move no later than 5 days after and no earlier than 4 weeks before it"}},
    ChecklistItem{2, {"Ny adresse og flyttedato", "New address and moving date"}},
    ChecklistItem{3, {"Hvem flytter med (husstandens medlemmer)", "Who moves along (household members)"}},
    ChecklistItem{4,
                  {"Vælg læge: ny læge er nødvendig ved mere end 15 km (5 km i hovedstadsområdet)",
                   "Choose a doctor: a new one is needed beyond 15 km (5 km in the capital area)"}},
    ChecklistItem{
        5, {"Nyt sundhedskort sendes automatisk", "A new health insurance card is sent automatically"}},
    ChecklistItem{6,
                  {"Selvbetjening med MitID; kan borgeren ikke selv, hjælper medarbejderen",
                   "Self-service with MitID; staff help citizens who cannot do it themselves"}},
};

constexpr std::array kHealthCardChecklist{
    ChecklistItem{1,
                  {"Vælg ny læge blandt praksis med åben tilgang",
                   "Choose a new doctor among practices accepting patients"}},
    ChecklistItem{2, {"Mistet kort: bestil et erstatningskort", "Lost card: order a replacement"}},
    ChecklistItem{
        3, {"Efter flytning sendes nyt kort automatisk", "After a move a new card is sent automatically"}},
};

constexpr std::array kResidenceCertChecklist{
    ChecklistItem{1, {"Hvad attesten skal bruges til", "What the certificate is needed for"}},
    ChecklistItem{2, {"Med eller uden tidligere adresser", "With or without previous addresses"}},
    ChecklistItem{3,
                  {"Gyldig legitimation ved udlevering i Borgerservice",
                   "Valid ID when it is handed out at the service centre"}},
};

constexpr std::array kPassportChecklist{
    ChecklistItem{1,
                  {"Personligt fremmøde (fingeraftryk og underskrift)",
                   "Personal attendance (fingerprints and signature)"}},
    ChecklistItem{2,
                  {"Pasfoto efter gældende krav, eller foto taget i Borgerservice",
                   "Passport photo meeting current requirements, or a photo taken at the service centre"}},
    ChecklistItem{3, {"Det gamle pas", "The old passport"}},
    ChecklistItem{4,
                  {"Uden gammelt pas: anden dokumentation for identitet (fx dåbs- eller navneattest)",
                   "Without an old passport: other proof of identity (e.g. birth or name certificate)"}},
    ChecklistItem{5,
                  {"Under 18 år: samtykke fra indehaverne af forældremyndigheden",
                   "Under 18: consent from the holders of parental custody"}},
    ChecklistItem{6, {"Betal gebyret", "Pay the fee"}},
};

constexpr std::array kDrivingLicenceChecklist{
    ChecklistItem{1, {"Personligt fremmøde", "Personal attendance"}},
    ChecklistItem{2, {"Foto efter pasfotokravene", "Photo meeting the passport photo requirements"}},
    ChecklistItem{
        3, {"Det gamle kørekort (fornyelse eller ombytning)", "The old licence (renewal or exchange)"}},
    ChecklistItem{4,
                  {"Lægeerklæring, hvis alder eller helbred kræver det",
                   "Medical certificate if age or health requires one"}},
    ChecklistItem{5,
                  {"Nyt kørekort: ansøgning via køreskolen og bestået prøve",
                   "New licence: application through the driving school and a passed test"}},
    ChecklistItem{6, {"Betal gebyret", "Pay the fee"}},
};

constexpr std::array kYouthIdChecklist{
    ChecklistItem{1, {"Personligt fremmøde", "Personal attendance"}},
    ChecklistItem{2, {"Foto efter pasfotokravene", "Photo meeting the passport photo requirements"}},
    ChecklistItem{3,
                  {"Dokumentation for identitet (fx pas eller dåbs- eller navneattest)",
                   "Proof of identity (e.g. passport or birth or name certificate)"}},
    ChecklistItem{4, {"Betal gebyret", "Pay the fee"}},
};

constexpr std::array kMitIdChecklist{
    ChecklistItem{1,
                  {"Medarbejderen rører aldrig borgerens adgangskode, app eller kodeviser",
                   "Staff never handle the citizen's password, app or code display"}},
    ChecklistItem{2,
                  {"Udstedelse i Borgerservice: gyldigt pas eller kørekort",
                   "Issuing at the service centre: a valid passport or driving licence"}},
    ChecklistItem{3,
                  {"Egen mobiltelefon med MitID-appen, eller kodeviser/kodeoplæser",
                   "The citizen's own phone with the MitID app, or a code display/code reader"}},
};

constexpr std::array kDigitalPostChecklist{
    ChecklistItem{1,
                  {"Digital Post er obligatorisk siden 1. november 2014",
                   "Digital Post has been mandatory since 1 November 2014"}},
    ChecklistItem{2,
                  {"Tjek kontaktoplysninger til notifikationer (e-mail, mobil)",
                   "Check contact details for notifications (email, mobile)"}},
    ChecklistItem{3,
                  {"Fritagelse: ansøgning med begrundelse til kommunen",
                   "Exemption: an application with a reason, to the municipality"}},
    ChecklistItem{4,
                  {"Fuldmagt, hvis en pårørende skal læse posten",
                   "Power of attorney if a relative is to read the post"}},
};

constexpr std::array kTaxCardChecklist{
    ChecklistItem{1,
                  {"Borgeren retter selv forskudsopgørelsen med MitID; medarbejderen vejleder",
                   "The citizen changes the assessment with MitID; staff guide"}},
    ChecklistItem{2, {"Forventet årsindkomst", "Expected annual income"}},
    ChecklistItem{3, {"Fradrag (fx befordring, renter)", "Deductions (e.g. commuting, interest)"}},
};

constexpr std::array kChildBenefitChecklist{
    ChecklistItem{1, {"Ansøgning sker digitalt med MitID", "The application is made online with MitID"}},
    ChecklistItem{2, {"Børnenes bopæl og forældremyndighed", "The children's address and custody"}},
    ChecklistItem{3,
                  {"Bidrag: oplysninger om den anden part og en eventuel aftale",
                   "Support: details of the other party and any agreement"}},
};

constexpr std::array kFreePlaceChecklist{
    ChecklistItem{
        1, {"Barnet har eller får en plads i dagtilbud", "The child has or will get a day care place"}},
    ChecklistItem{2, {"Husstandens samlede indkomst", "The household's total income"}},
    ChecklistItem{3,
                  {"Husstandens sammensætning (samlever, antal børn)",
                   "Household composition (partner, number of children)"}},
    ChecklistItem{4, {"Giv besked, hvis indkomsten ændrer sig", "Report any change in income"}},
};

constexpr std::array kPensionChecklist{
    ChecklistItem{1,
                  {"Folkepension kommer ikke automatisk: søg op til 6 måneder før folkepensionsalderen",
                   "State pension is not automatic: apply up to 6 months before pension age"}},
    ChecklistItem{2, {"MitID", "MitID"}},
    ChecklistItem{3,
                  {"Indkomst og formue for borgeren og en eventuel ægtefælle eller samlever",
                   "Income and assets of the citizen and any spouse or partner"}},
    ChecklistItem{4, {"NemKonto til udbetalingen", "A NemKonto for the payments"}},
    ChecklistItem{5,
                  {"Tillæg (fx varme, helbred) gives ikke med tilbagevirkende kraft",
                   "Supplements (e.g. heating, health) are not back-dated"}},
};

constexpr std::array kGuidanceChecklist{
    ChecklistItem{1,
                  {"Find den ansvarlige myndighed (kommune, stat eller region)",
                   "Find the responsible authority (municipality, state or region)"}},
    ChecklistItem{2,
                  {"Fortæl, hvor borgeren skal henvende sig, og hvad der skal medbringes",
                   "Tell the citizen where to go and what to bring"}},
    ChecklistItem{3, {"Tilbyd hjælp til selvbetjening", "Offer help to self-service"}},
};

// KLE codes only where DOMAIN.md gives them; the others stay empty until verified.
constexpr std::array kServices{
    Service{"moving",
            {"Flytning (flytteanmeldelse)", "Moving notification"},
            kCivilRegistration,
            "23.05.00",
            false,
            kMovingChecklist,
            "https://www.borger.dk/bolig-og-flytning/flytning",
            kFree},
    Service{"health-card",
            {"Sundhedskort og lægeskift", "Health insurance card and change of doctor"},
            kMunicipality,
            "29.03.00",
            false,
            kHealthCardChecklist,
            "https://www.borger.dk/sundhed-og-sygdom/sundhedskort-og-laegevalg",
            {"Lægeskift og erstatningskort kan koste et gebyr efter gældende takst",
             "Changing doctor and a replacement card may cost a fee at the current rate"}},
    Service{"residence-cert",
            {"Bopælsattest", "Certificate of residence"},
            kCivilRegistration,
            "23.05.03",
            false,
            kResidenceCertChecklist,
            "https://www.borger.dk/samfund-og-rettigheder/folkeregister-og-cpr/bopaelsattest",
            {"Kan koste et gebyr efter gældende takst", "May cost a fee at the current rate"}},
    Service{"passport",
            {"Pas", "Passport"},
            {"Kommunen på vegne af Rigspolitiet", "The municipality on behalf of the Danish National Police"},
            "",
            true,
            kPassportChecklist,
            "https://www.borger.dk/internationalt/pas-og-visum/pas",
            {"Gebyr efter gældende takst (nedsat for børn og pensionister)",
             "Fee at the current rate (reduced for children and pensioners)"}},
    Service{"driving-licence",
            {"Kørekort (nyt, fornyelse, erstatning)", "Driving licence (new, renewal, replacement)"},
            {"Kommunen på vegne af Færdselsstyrelsen",
             "The municipality on behalf of the Danish Road Traffic Authority"},
            "",
            true,
            kDrivingLicenceChecklist,
            "https://www.borger.dk/transport-trafik-og-rejser/koerekort",
            kCurrentRate},
    // Personal attendance: the card is issued against identity documents and a photo (verify locally).
    Service{"youth-id",
            {"Legitimationskort (fra 15 år)", "ID card (age 15 and over)"},
            kMunicipality,
            "",
            true,
            kYouthIdChecklist,
            "https://www.borger.dk/samfund-og-rettigheder/legitimation/legitimationskort",
            kCurrentRate},
    Service{"mitid",
            {"MitID: udstedelse, højere sikringsniveau, hjælp", "MitID: issue, higher assurance level, help"},
            {"Digitaliseringsstyrelsen; udstedelse også i Borgerservice",
             "Agency for Digital Government; also issued at the service centre"},
            "",
            false,
            kMitIdChecklist,
            "https://www.borger.dk/internet-og-sikkerhed/mitid",
            kFree},
    Service{"digital-post",
            {"Digital Post: oprettelse, fritagelse, hjælp", "Digital Post: set up, exemption, help"},
            {"Digitaliseringsstyrelsen; fritagelse: kommunen",
             "Agency for Digital Government; exemption: the municipality"},
            "",
            false,
            kDigitalPostChecklist,
            "https://www.borger.dk/internet-og-sikkerhed/digital-post",
            kFree},
    Service{"tax-card",
            {"Skattekort og forskudsopgørelse", "Tax card and preliminary income assessment"},
            {"Skattestyrelsen", "Danish Tax Agency"},
            "",
            false,
            kTaxCardChecklist,
            "https://www.borger.dk/oekonomi-og-skat/skat-og-skattekort",
            kFree},
    Service{
        "child-benefit",
        {"Børneydelse, børnebidrag og ægtefællebidrag", "Child benefits, child support and spousal support"},
        {"Udbetaling Danmark; bidrag fastsættes af Familieretshuset",
         "Payments authority (Udbetaling Danmark); support is set by the Agency of Family Law"},
        "",
        false,
        kChildBenefitChecklist,
        "https://www.borger.dk/familie-og-boern/familieydelser",
        kFree},
    Service{"free-place",
            {"Økonomisk friplads i dagtilbud", "Economic free-place subsidy for day care"},
            kMunicipality,
            "",
            false,
            kFreePlaceChecklist,
            "https://www.borger.dk/familie-og-boern/boernepasning/oekonomisk-friplads",
            kFree},
    Service{"pension",
            {"Folkepension (ansøgning)", "State pension application"},
            {"Udbetaling Danmark", "Payments authority (Udbetaling Danmark)"},
            "",
            false,
            kPensionChecklist,
            "https://www.borger.dk/pension-og-efterloen/folkepension",
            kFree},
    Service{"guidance",
            {"Generel vejledning og henvisning", "General guidance and referral"},
            {"Afhænger af sagen: kommune, stat eller region",
             "Depends on the matter: municipality, state or region"},
            "",
            false,
            kGuidanceChecklist,
            "https://www.borger.dk",
            kFree},
};

} // namespace

const Service* ServiceCatalogue::find(std::string_view code) const {
    for (const Service& service : m_services) {
        if (service.code == code) {
            return &service;
        }
    }
    return nullptr;
}

const ServiceCatalogue& serviceCatalogue() {
    static const ServiceCatalogue catalogue{kServices};
    return catalogue;
}

} // namespace fieldkit::core
