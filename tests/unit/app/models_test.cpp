#include <QAbstractItemModelTester>
#include <doctest/doctest.h>
#include <fieldkit/app/language_controller.hpp>
#include <fieldkit/app/life_situation_model.hpp>
#include <fieldkit/app/service_catalogue_model.hpp>
#include <fieldkit/core/service_catalogue.hpp>

using namespace fieldkit::app;

TEST_CASE("the service catalogue model lists every service with its roles") {
    LanguageController language;
    ServiceCatalogueModel model(fieldkit::core::serviceCatalogue(), language);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(model.rowCount() == 13);
    const int passport = model.indexOfCode(QStringLiteral("passport"));
    REQUIRE(passport >= 0);
    const QModelIndex i = model.index(passport);
    CHECK(model.data(i, ServiceCatalogueModel::AttendanceRequiredRole).toBool());
    CHECK_FALSE(model.data(i, ServiceCatalogueModel::ChecklistRole).toList().isEmpty());
    CHECK(model.data(i, ServiceCatalogueModel::SelfServiceUrlRole)
              .toString()
              .startsWith(QStringLiteral("https://")));
    CHECK(model.indexOfCode(QStringLiteral("unknown")) == -1);
    CHECK(model.nameOf(QStringLiteral("unknown")) == QStringLiteral("unknown"));
    CHECK(model.service(QStringLiteral("passport")).value(QStringLiteral("code")) ==
          QStringLiteral("passport"));
}

TEST_CASE("switching the language re-labels the catalogue and signals it") {
    LanguageController language;
    ServiceCatalogueModel model(fieldkit::core::serviceCatalogue(), language);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    int changes = 0;
    QObject::connect(&model, &QAbstractItemModel::dataChanged, [&changes] { ++changes; });
    CHECK(language.language() == QStringLiteral("da"));
    const QString danish = model.nameOf(QStringLiteral("moving"));
    language.setLanguage(QStringLiteral("en"));
    CHECK(changes == 1);
    CHECK(model.nameOf(QStringLiteral("moving")) != danish);
    CHECK(model.nameOf(QStringLiteral("moving")).startsWith(QStringLiteral("Moving")));
    language.setLanguage(QStringLiteral("xx")); // ignored
    CHECK(language.language() == QStringLiteral("en"));
}

TEST_CASE("the life situation model offers three situations with their steps") {
    LanguageController language;
    LifeSituationModel model(language);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(model.rowCount() == 3);
    CHECK(model.data(model.index(0), LifeSituationModel::CodeRole) == QStringLiteral("moving"));
    const auto steps = model.steps(QStringLiteral("new-child"));
    REQUIRE_FALSE(steps.isEmpty());
    CHECK(steps.last().toMap().value(QStringLiteral("serviceCode")) == QStringLiteral("child-benefit"));
    CHECK(model.steps(QStringLiteral("nope")).isEmpty());
}
