"""Issue 12 #7, the licence: prosecution and maintenance of the licensed patents, a lapse the licensee
may take over, diligence with a first-sale deadline, termination on a validity challenge (never a
no-challenge duty), and a share of sublicence income, with the validation and checks around them."""


import pytest

from conftest import DELETE, example_with
from ipclauses import SpecError, check, load_spec
from ipclauses.agreement import plain
from ipclauses.draft import make_draft

_DELETE = DELETE


def _data(example: str = "license-en", **changes) -> dict:
    return example_with(example, **changes)


def _spec(example: str = "license-en", **changes):
    return load_spec(_data(example, **changes))


def _article(spec, clause_id: str, lang=None) -> str | None:
    """The text of one article, paragraphs and items joined, or None when the agreement leaves it out."""
    for article in make_draft(spec, lang=lang).agreement.articles:
        if article.clause_id == clause_id:
            return "\n".join(
                plain(p.segments) + " " + " ".join(plain(i.segments) for i in p.items) for p in article.paragraphs
            )
    return None


def _summary(spec, lang=None) -> str:
    return make_draft(spec, lang=lang).summary.text()


def _errors(example: str = "license-en", **changes) -> list[tuple[str, str]]:
    with pytest.raises(SpecError) as exc:
        _spec(example, **changes)
    return [(p.path, p.message) for p in exc.value.errors]


def _finding_ids(spec) -> set[str]:
    return {f.id for f in check(spec)}


# --- defaults: existing specs stay valid and say sensible things ------------------------------


@pytest.mark.parametrize("example", ["license-en", "license-grantback-en"])
def test_existing_licence_specs_stay_valid_with_safe_defaults(example):
    spec = _spec(example)
    assert (spec.prosecution.by, spec.prosecution.costs) == ("licensor", "licensor")
    assert spec.prosecution.licensee_may_take_over is True
    assert spec.diligence is None
    assert spec.terminate_on_challenge is True
    assert spec.licence.royalty.sublicence_income_percent is None
    assert _article(spec, "license.diligence") is None  # no diligence duty unless the deal sets one


# --- prosecution and maintenance ----------------------------------------------------------------


def test_by_default_the_licensor_maintains_the_patents_at_its_cost_and_the_licensee_may_take_over_a_lapse():
    text = _article(_spec(), "license.prosecution")
    assert "Kamo Photonics shall, in its own name and with reasonable care, prosecute" in text
    assert "Kamo Photonics bears the costs of prosecuting and maintaining the Licensed Patents" in text
    assert "shall notify Meiho in writing at least 60 days before the right would be lost" in text
    assert "require Kamo Photonics to assign that application or patent in that country to it" in text
    assert "free of charge" in text and "Meiho bears the costs of the assignment" in text
    assert "stop paying" not in text  # the licensee pays nothing, so it has nothing to stop
    ja = _article(_spec(), "license.prosecution", lang="ja")
    assert "Kamo Photonicsは、自己の名義により" in ja
    assert "権利が失われる日の60日前までに" in ja
    assert "対象権利を無償でMeihoに譲渡し" in ja


def test_the_lapse_notice_period_comes_from_the_spec():
    spec = _spec(prosecution={"lapse_notice_days": 90})
    assert "at least 90 days before the right would be lost" in _article(spec, "license.prosecution")
    assert "90 days before dropping a patent" in _summary(spec)


def test_a_licensee_that_pays_the_costs_reimburses_on_invoice_and_may_drop_a_patent_but_not_then_take_it_over():
    spec = _spec(prosecution={"costs": "licensee"})
    text = _article(spec, "license.prosecution")
    assert "Meiho bears the costs of prosecuting and maintaining the Licensed Patents that arise after the effective date" in text
    assert "within 45 days after receiving an invoice" in text  # licence.royalty.payment_days
    assert "Meiho may, by written notice to Kamo Photonics, stop paying for a Licensed Patent in any country" in text
    assert "the Licence no longer extends to that Licensed Patent in that country" in text
    assert "Meiho may not require an assignment of a Licensed Patent for which it has stopped paying" in text
    summary = _summary(spec)
    assert "Meiho repays Kamo Photonics the costs of prosecuting and maintaining the licensed patents within 45 days" in summary


def test_shared_costs_are_split_in_half():
    text = _article(_spec(prosecution={"costs": "shared_equally"}), "license.prosecution", lang="ja")
    assert "両当事者が均等に負担する" in text and "当該費用の2分の1をKamo Photonicsに支払わなければならない" in text


def test_without_a_take_over_right_the_licensor_may_let_a_patent_lapse_after_notice():
    spec = _spec(prosecution={"licensee_may_take_over": False})
    text = _article(spec, "license.prosecution")
    assert "at least 60 days before the right would be lost" in text
    assert "may let the right be lost" in text and "assign" not in text
    assert "take it over" not in _summary(spec)


def test_a_licensee_that_prosecutes_does_it_in_the_licensors_name_and_needs_consent_to_narrow():
    spec = _spec(prosecution={"by": "licensee", "costs": "licensee"})
    text = _article(spec, "license.prosecution")
    assert "Meiho shall, in the name of Kamo Photonics and with reasonable care, prosecute" in text
    assert "without Kamo Photonics's prior written consent" in text
    assert "Kamo Photonics may then take over the prosecution and maintenance" in text
    summary = _summary(spec)
    assert "Keep the licensed patents in force in the name of Kamo Photonics, and get its consent before narrowing them." in summary
    assert "Meiho pays the costs of prosecuting and maintaining the licensed patents." in summary


def test_there_is_no_prosecution_article_without_licensed_patents():
    spec = _spec(licence__subject=["know_how"], licensed__patents=[])
    assert _article(spec, "license.prosecution") is None
    assert _errors(licence__subject=["know_how"], licensed__patents=[], prosecution={"costs": "licensee"}) == [
        ("/prosecution", 'applies to licensed patents, but the licence subject does not include "patents" (remove it)')]


def test_a_take_over_choice_is_refused_where_the_licensee_prosecutes():
    errors = _errors(prosecution={"by": "licensee", "licensee_may_take_over": False})
    assert [path for path, _ in errors] == ["/prosecution/licensee_may_take_over"]


# --- diligence ----------------------------------------------------------------------------------


def test_a_first_sale_deadline_in_months_with_the_default_remedy_of_either_step():
    spec = _spec(diligence={"first_sale_months": 24})
    text = _article(spec, "license.diligence")
    assert "Meiho shall use commercially reasonable efforts to develop, make and sell Licensed Products" in text
    assert "within 24 months after the effective date of this Agreement" in text
    assert "either make the Licence non-exclusive or terminate this Agreement, stating which" in text
    assert "within 90 days after receiving the notice" in text
    assert "From then on, Meiho owes no minimum annual royalty." in text  # the example has a minimum
    summary = _summary(spec)
    assert "Make the first commercial sale of a Licensed Product within 24 months of the start date." in summary
    assert "Kamo Photonics may end this Agreement if Meiho misses the first-sale deadline" in summary


def test_a_first_sale_date_and_a_non_exclusive_remedy_in_japanese():
    spec = _spec(diligence={"first_sale_by": "2028-06-30", "consequence": "non_exclusive", "notice_days": 60})
    text = _article(spec, "license.diligence", lang="ja")
    assert "Meihoは、2028年6月30日までに、許諾地域において許諾製品の最初の商業販売をしなければならない。" in text
    assert "本ライセンスを非独占的なものに変更する旨を書面により通知することができる" in text
    assert "60日以内に最初の商業販売をしなかったときは" in text
    assert "本契約を解除" not in text
    summary = _summary(spec, lang="ja")
    assert "ライセンスを非独占に変える" in summary
    assert "契約を解除できます。（第6条）" not in summary  # no termination under this remedy


def test_with_a_non_exclusive_licence_either_remedy_means_termination():
    spec = _spec("license-grantback-en", diligence={"first_sale_months": 18})
    text = _article(spec, "license.diligence")
    assert "that it will terminate this Agreement" in text
    assert "non-exclusive" not in text
    assert "Oshima may end this Agreement if GreenCat misses the first-sale deadline" in _summary(spec)


@pytest.mark.parametrize("diligence,path", [
    ({"consequence": "terminate"}, "/diligence/first_sale_months"),
    ({"first_sale_months": 12, "first_sale_by": "2028-01-01"}, "/diligence/first_sale_months"),
    ({"first_sale_by": "2026-07-01"}, "/diligence/first_sale_by"),
])
def test_a_diligence_deadline_must_be_one_date_after_the_start(diligence, path):
    assert [p for p, _ in _errors(diligence=diligence)] == [path]


def test_losing_exclusivity_is_refused_as_a_remedy_for_a_non_exclusive_licence():
    errors = _errors("license-grantback-en", diligence={"first_sale_months": 12, "consequence": "non_exclusive"})
    assert errors == [("/diligence/consequence",
                       'is "non_exclusive" but the licence is already non-exclusive (use "terminate", or make the licence exclusive)')]


# --- termination on a validity challenge ---------------------------------------------------------


def test_the_licensor_may_terminate_on_a_challenge_but_the_licensee_stays_free_to_challenge():
    spec = _spec()
    text = _article(spec, "license.challenge")
    assert "Nothing in this Agreement prevents Meiho from challenging the validity of any of the Licensed Patents." in text
    assert "Kamo Photonics may, by written notice to Meiho, terminate this Agreement or end the Licence only under the right challenged" in text
    assert "in defence of, or as a counterclaim in, infringement proceedings" in text
    assert "shall not challenge" not in text  # no no-challenge duty (JFTC IP guidelines)
    ja = _article(spec, "license.challenge", lang="ja")
    assert "本契約のいかなる定めも、Meihoが本特許の有効性を争うことを妨げるものではない。" in ja
    assert "Meiho、その関係会社又は再実施許諾先が" in ja
    summary = _summary(spec)
    assert "Challenge the validity of the licensed patents (but Kamo Photonics may then end this Agreement)." in summary


def test_no_challenge_article_when_the_deal_says_so_or_nothing_registrable_is_licensed():
    assert _article(_spec(terminate_on_challenge=False), "license.challenge") is None
    assert _article(_spec(licence__subject=["know_how"], licensed__patents=[]), "license.challenge") is None
    marks = _article(_spec(licence__subject=["know_how", "trademark"], licensed__patents=[], licensed__trademarks=["KAMO"]),
                     "license.challenge")
    assert "validity of any of the Licensed Trademarks" in marks and "Licensed Patents" not in marks


# --- sublicence income ---------------------------------------------------------------------------


def test_a_share_of_sublicence_income_is_paid_with_the_royalty_report():
    spec = _spec(licence__royalty__sublicence_income_percent=20)
    text = _article(spec, "license.royalties")
    assert "Meiho shall pay Kamo Photonics 20% of every amount it receives from a sublicensee in consideration of a sublicence" in text
    assert "in the Royalty Report for that Reporting Period" in text
    assert "Royalties on sales of Licensed Products by sublicensees are not included, because those sales count towards Net Sales." in text
    summary = _summary(spec)
    assert "Meiho pays Kamo Photonics 20% of the fees it receives from sublicensees for their sublicences." in summary
    ja = _article(spec, "license.royalties", lang="ja")
    assert "再実施許諾先から受領した金銭" in ja and "20%に相当する額" in ja


def test_without_a_running_royalty_sublicence_income_is_paid_on_receipt():
    spec = _spec(licence__royalty={"kind": "paid", "upfront": {"amount": 100000, "currency": "USD"},
                                    "sublicence_income_percent": 12.5})
    text = _article(spec, "license.royalties")
    assert "12.5% of every amount" in text
    assert "within 60 days after receiving it, together with a written statement" in text
    assert "Reporting Period" not in text


def test_no_sublicence_income_text_without_a_share():
    assert "sublicensee" not in _article(_spec(), "license.royalties")


@pytest.mark.parametrize("changes,message", [
    ({"licence__sublicensing": "none", "licence__royalty__sublicence_income_percent": 10}, 'sublicensing is "none"'),
    ({"licence__royalty": {"kind": "free", "sublicence_income_percent": 10}}, 'the royalty is "free"'),
])
def test_sublicence_income_needs_sublicensing_and_a_paid_royalty(changes, message):
    errors = _errors(**changes)
    assert [p for p, _ in errors] == ["/licence/royalty/sublicence_income_percent"]
    assert message in errors[0][1]


def test_a_zero_share_is_refused_leave_it_out_instead():
    assert [p for p, _ in _errors(licence__royalty__sublicence_income_percent=0)] == ["/licence/royalty/sublicence_income_percent"]


# --- deal checks ---------------------------------------------------------------------------------


def test_a_non_exclusive_licensee_prosecuting_the_licensors_patents_is_a_warning():
    found = [f for f in check(_spec("license-grantback-en", prosecution={"by": "licensee"}))
             if f.id == "licence.licensee_prosecutes_non_exclusive"]
    assert len(found) == 1
    assert (found[0].severity, found[0].path) == ("warning", "/prosecution/by")
    assert "GreenCat prosecutes and maintains Oshima's patents" in found[0].message
    assert '"prosecution.by": "licensor"' in found[0].fix
    assert "licence.licensee_prosecutes_non_exclusive" not in _finding_ids(_spec(prosecution={"by": "licensee"}))  # exclusive
    assert "licence.licensee_prosecutes_non_exclusive" not in _finding_ids(_spec("license-grantback-en"))


def test_free_sublicensing_without_a_share_of_sublicence_income_is_worth_a_conversation():
    found = [f for f in check(_spec(licence__sublicensing="free")) if f.id == "licence.no_sublicence_income_share"]
    assert len(found) == 1
    assert (found[0].severity, found[0].path) == ("info", "/licence/royalty/sublicence_income_percent")
    assert "Meiho may sublicense anyone" in found[0].message
    shared = _spec(licence__sublicensing="free", licence__royalty__sublicence_income_percent=20)
    assert "licence.no_sublicence_income_share" not in _finding_ids(shared)
    assert "licence.no_sublicence_income_share" not in _finding_ids(_spec())  # affiliates only
