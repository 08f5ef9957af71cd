#include "test_support.hpp"

#include <doctest/doctest.h>
#include <fieldkit/app/contact_controller.hpp>
#include <fieldkit/app/language_controller.hpp>
#include <fieldkit/app/service_catalogue_model.hpp>
#include <fieldkit/core/service_catalogue.hpp>

using namespace fieldkit::app;
using fieldkit::core::Channel;
using fieldkit::core::ContactType;

TEST_CASE("statistics count per channel and service and the shares the municipality tracks") {
    const QDateTime t = QDateTime::currentDateTimeUtc();
    const std::vector<ContactRecord> contacts{
        {t, Channel::Bike, QStringLiteral("mitid"), ContactType::HelpToSelfService, true, {}, {}},
        {t, Channel::Bike, QStringLiteral("moving"), ContactType::HelpToSelfService, false, {}, {}},
        {t, Channel::Phone, QStringLiteral("mitid"), ContactType::Information, true, {}, {}},
        {t, Channel::Kiosk, QStringLiteral("passport"), ContactType::Transaction, true, {}, {}},
    };
    const auto s = computeContactStatistics(contacts);
    CHECK(s.total == 4);
    CHECK(s.perChannel.at(Channel::Bike) == 2);
    CHECK(s.perService.at(QStringLiteral("mitid")) == 2);
    CHECK(s.helpToSelfServiceShare() == doctest::Approx(0.5));
    CHECK(s.resolvedAtFirstContactShare() == doctest::Approx(0.75));
    CHECK(computeContactStatistics({}).helpToSelfServiceShare() == 0.0);
}

TEST_CASE("registering a contact uses the profile's channel and counts only today") {
    test::ManualWallClock wall;
    InMemoryContactRepository repo;
    (void)repo.addContact({wall.now.addDays(-1),
                           Channel::Bike,
                           QStringLiteral("mitid"),
                           ContactType::HelpToSelfService,
                           true,
                           {},
                           {}});
    LanguageController language;
    ServiceCatalogueModel services(fieldkit::core::serviceCatalogue(), language);
    ContactController controller(repo, services, QStringLiteral("to-go"), wall.fn());
    CHECK(controller.total() == 0);
    CHECK(controller.registerContact(QStringLiteral("pension"), QStringLiteral("help-to-self-service"), true,
                                     {}));
    CHECK(controller.registerContact(QStringLiteral("tax-card"), QStringLiteral("information"), false,
                                     QStringLiteral("Skattestyrelsen")));
    CHECK(controller.total() == 2);
    CHECK(controller.helpToSelfServiceShare() == doctest::Approx(0.5));
    REQUIRE(controller.perChannel().size() == 1);
    CHECK(controller.perChannel().at(0).toMap().value(QStringLiteral("channel")) == QStringLiteral("to-go"));
    CHECK(controller.perService().size() == 2);
    CHECK_FALSE(controller.registerContact(QStringLiteral("pension"), QStringLiteral("gossip"), true, {}));
    CHECK(controller.errorCode() == QStringLiteral("unknown_contact_type"));
    CHECK_FALSE(controller.registerContact(QStringLiteral("nope"), QStringLiteral("information"), true, {}));
    CHECK(controller.errorCode() == QStringLiteral("unknown_service"));
    CHECK(controller.total() == 2);
}
