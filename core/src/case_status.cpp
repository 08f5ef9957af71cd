#include <fieldkit/core/case_status.hpp>
#include <string>

namespace fieldkit::core {

namespace {

/** Position on the main line opened..done; the side statuses have none. */
int mainLineRank(CaseStatus status) {
    switch (status) {
    case CaseStatus::Opened:
        return 0;
    case CaseStatus::Informed:
        return 1;
    case CaseStatus::Decided:
        return 2;
    case CaseStatus::Ordered:
        return 3;
    case CaseStatus::Done:
        return 4;
    case CaseStatus::Closed:
    case CaseStatus::Referred:
    case CaseStatus::Withdrawn:
        break;
    }
    return -1;
}

Error transitionError(std::string code, CaseStatus from, CaseStatus to, std::string_view reason) {
    std::string message = "A case cannot go from '";
    message += toString(from);
    message += "' to '";
    message += toString(to);
    message += "': ";
    message += reason;
    return makeError(std::move(code), std::move(message));
}

} // namespace

std::string_view toString(CaseStatus status) {
    switch (status) {
    case CaseStatus::Opened:
        return "opened";
    case CaseStatus::Informed:
        return "informed";
    case CaseStatus::Decided:
        return "decided";
    case CaseStatus::Ordered:
        return "ordered";
    case CaseStatus::Done:
        return "done";
    case CaseStatus::Closed:
        return "closed";
    case CaseStatus::Referred:
        return "referred";
    case CaseStatus::Withdrawn:
        return "withdrawn";
    }
    return "unknown";
}

Result<CaseStatus> caseStatusFromString(std::string_view code) {
    for (const CaseStatus status : kAllCaseStatuses) {
        if (toString(status) == code) {
            return status;
        }
    }
    return makeError("unknown_case_status", "The case status is not one this version of fieldkit knows.");
}

bool isFinal(CaseStatus status) {
    return status == CaseStatus::Closed || status == CaseStatus::Withdrawn;
}

Status checkTransition(CaseStatus from, CaseStatus to) {
    if (from == to) {
        return transitionError("status_unchanged", from, to, "the case already has that status.");
    }
    if (isFinal(from)) {
        return transitionError("status_final", from, to, "the case is finished and cannot change status.");
    }
    if (to == CaseStatus::Referred || to == CaseStatus::Withdrawn) {
        return {};
    }
    if (from == CaseStatus::Referred) {
        if (to == CaseStatus::Closed) {
            return {};
        }
        return transitionError("status_after_referral", from, to,
                               "a referred case can only be closed or withdrawn.");
    }
    if (to == CaseStatus::Closed) {
        if (from == CaseStatus::Done) {
            return {};
        }
        return transitionError("status_close_before_done", from, to,
                               "only a done case can be closed; withdraw it if the work was abandoned.");
    }
    if (mainLineRank(to) > mainLineRank(from)) {
        return {};
    }
    return transitionError("status_backwards", from, to, "a case never moves back in its lifecycle.");
}

std::vector<CaseStatus> allowedNextStatuses(CaseStatus from) {
    std::vector<CaseStatus> next;
    for (const CaseStatus to : kAllCaseStatuses) {
        if (checkTransition(from, to).ok()) {
            next.push_back(to);
        }
    }
    return next;
}

} // namespace fieldkit::core
