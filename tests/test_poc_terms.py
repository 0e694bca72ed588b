"""PoC and next-step terms (issue 12): ownership agreed before the Report, the filing-notice periods, who decides
on a next agreement (PoC and NDA)."""


import pytest

from conftest import example_with
from ipclauses import SpecError, load_spec, summarize
from ipclauses.agreement import plain
from ipclauses.checks import run_checks
from ipclauses.draft import make_draft
from ipclauses.locales import get_locale

LICENCE = {"licensor": "lumivision", "licensee": "tokai", "exclusivity": "non_exclusive", "royalty": {"kind": "free"}}


def _data(example: str, language: str | None = None, **changes) -> dict:
    """An example's data with changes given as path__to__key=value (None removes the key)."""
    return example_with(example, language, removes=None, **changes)


def _poc(language: str | None = None, **changes):
    return load_spec(_data("poc-ai-en", language, **changes))


def _text(draft, clause_id: str) -> str:
    article = draft.agreement.article(clause_id)
    return "\n".join(plain(p.segments) + "".join("\n" + plain(i.segments) for i in p.items) for p in article.paragraphs)


def _ids(draft) -> list[str]:
    return [a.clause_id for a in draft.agreement.articles]


def _points(draft) -> list[str]:
    return [p.text for p in draft.summary.points()]


def _refused(data: dict) -> list[tuple[str, str]]:
    with pytest.raises(SpecError) as caught:
        load_spec(data)
    return [(p.path, p.message) for p in caught.value.errors]


# --- ownership agreed before the Report -----------------------------------------------


def test_a_poc_may_leave_ownership_to_be_agreed_before_the_report_in_english():
    draft = make_draft(_poc(results__ownership={"rule": "decide_later"}))
    text = _text(draft, "poc.results_ownership")
    assert ("agree in writing who owns the Intellectual Property Rights in the Results, including the copyright in the "
            "Report, taking into account") in text
    assert "before LumiVision submits the Report and at the latest by 31 August 2026" in text
    assert "whether, and on what terms, a party that does not own Intellectual Property Rights in a Result may work or use" in text
    # until then: no filing, assignment, licence or use beyond the Purpose; the Report only for the Purpose
    assert ("neither party shall, without the prior written consent of the other party, file an application for any "
            "Intellectual Property Right in a Result whose ownership is not yet settled, assign or grant security over any "
            "such right or any share in it, license any such right to a third party, or work or use that Result for any "
            "purpose other than the Purpose.") in text
    assert "During that time each party may use the Report only within the Purpose." in text
    # the fallback: each owns what its people made alone, joint creations jointly, under the joint-results article
    assert ("belong solely to a party if only that party's officers or employees created the Result, and are owned "
            "jointly by the parties in equal shares") in text
    assert "poc.joint_results" in _ids(draft)
    joint = draft.agreement.article("poc.joint_results")
    assert f"are governed by {joint.label}, unless the agreement under the first paragraph" in text
    row = next(r for r in draft.summary.results if r.point.article_id == "poc.results_ownership" and "report" in r.what)
    assert row.point.text.startswith("Not decided yet: the parties agree the owner in writing before the report is "
                                     "submitted, and at the latest by 31 August 2026.")
    assert ("Agree with LumiVision in writing, before the report is submitted and at the latest by 31 August 2026, who owns "
            "the results and whether the party that does not own them may use them.") in _points(draft)
    assert "Use the report beyond the purpose until the owner of the results is settled." in _points(draft)


def test_the_same_in_japanese():
    draft = make_draft(_poc("ja", results__ownership={"rule": "decide_later"}))
    text = _text(draft, "poc.results_ownership")
    assert "本成果に係る知的財産権（本報告書に係る著作権を含む。）の帰属は、両当事者が" in text
    assert "LumiVisionが本報告書を提出する前に、遅くとも2026年8月31日までに、書面により定めるものとする。" in text
    assert "実施又は利用を許諾するか否か及びその条件についても、あわせて定めるものとする。" in text
    assert ("帰属が定まっていない本成果に係る知的財産権について出願をし、当該知的財産権（共有持分を含む。）を譲渡し、若しくは担保に供し、"
            "若しくは第三者にその実施若しくは利用を許諾し、又は本目的以外の目的で当該本成果を実施し、若しくは利用してはならない。") in text
    assert "この間、各当事者は、本報告書を本目的の範囲内に限り利用することができる。" in text
    assert "両当事者の役員又は従業者が共同して創出した本成果に係るものについては両当事者の共有とし、各当事者の持分は均等とする。" in text
    assert f"{draft.agreement.article('poc.joint_results').label}の定めるところによる" in text
    assert ("報告書の提出前に、遅くとも2026年8月31日までに、成果を誰が持つか、持たない側に使わせるかをLumiVisionと話し合って書面で決める。"
            in _points(draft))


def test_a_deadline_given_as_a_period_is_written_as_a_period_and_the_finding_gives_its_date():
    spec = _poc(results__ownership={"rule": "decide_later"}, poc__report_deadline={"weeks": 12})
    draft = make_draft(spec)
    assert ("before LumiVision submits the Report and at the latest within 12 weeks from the effective date"
            in _text(draft, "poc.results_ownership"))
    [found] = [f for f in run_checks(spec) if f.id == "poc.ownership_open"]
    assert "2026-07-23" in found.message and "2026-07-23" in found.fix  # 1 May 2026 + 12 weeks, counting 1 May


def test_open_ownership_is_an_error_that_says_what_to_decide_and_by_when():
    spec = _poc(results__ownership={"rule": "decide_later"})
    [found] = [f for f in run_checks(spec) if f.id == "poc.ownership_open"]
    assert found.severity == "error" and found.path == "/results/ownership/rule"
    # one finding, not the error and a JRD-style warning saying the same thing
    assert "ownership.decide_later" not in {f.id for f in run_checks(spec)}
    assert "Who owns the results and the copyright in the Report is not decided" in found.message
    assert "by 2026-08-31 at the latest" in found.message
    assert found.fix.startswith("Decide before signing, and at the latest before the Report is due on 2026-08-31: who owns "
                                "the results and the copyright in the Report, and whether the other party gets a licence")
    ja = found.in_locale(get_locale("ja"))
    assert "成果と報告書の著作権を誰が持つかが決まっていません" in ja.message and "2026-08-31" in ja.message
    assert "持たない側に利用のライセンスを与えるか" in ja.fix and "署名の前に" in ja.fix
    markdown = summarize(_poc("ja", results__ownership={"rule": "decide_later"}), format="md")
    assert isinstance(markdown, str) and ja.message in markdown


def test_the_finding_names_only_the_inventions_when_copyright_has_its_own_rule():
    spec = _poc(results__ownership={"rule": "decide_later"},
                results__copyright_ownership={"rule": "sole", "owner": "lumivision"})
    [found] = [f for f in run_checks(spec) if f.id == "poc.ownership_open"]
    assert found.path == "/results/ownership/rule"
    assert found.message.startswith("Who owns the inventions and know-how in the results is not decided")
    draft = make_draft(spec)
    text = _text(draft, "poc.results_ownership")
    assert "who owns the Intellectual Property Rights in the Results, taking into account" in text
    assert "use the Report only within the Purpose" not in text  # the Report's copyright is settled: LumiVision's


def test_copyright_left_open_follows_the_same_rules_and_is_an_error():
    spec = _poc(results__copyright_ownership={"rule": "decide_later"})
    [found] = [f for f in run_checks(spec) if f.id == "poc.ownership_open"]
    assert found.severity == "error" and found.path == "/results/copyright_ownership/rule"
    assert found.message.startswith("Who owns the copyright in the results, the Report included, is not decided")
    draft = make_draft(spec)
    text = _text(draft, "poc.results_copyright")
    assert "including the Report, taking into account what each party contributed" in text
    assert "before LumiVision submits the Report and at the latest by 31 August 2026" in text
    assert "a party that does not own the copyright in a work may use that work" in text
    assert "allow any third party to use the work concerned, publish it, or use it for any purpose other than the Purpose" in text
    assert ("belongs solely to a party if only that party's officers or employees created the work, and is owned jointly "
            "by the parties in equal shares") in text
    assert "poc.joint_results" in _ids(draft)
    ja = make_draft(_poc("ja", results__copyright_ownership={"rule": "decide_later"}))
    text = _text(ja, "poc.results_copyright")
    assert "LumiVisionが本報告書を提出する前に、遅くとも2026年8月31日までに、書面により定めるものとする。" in text
    assert "この間、各当事者は、本報告書を本目的の範囲内に限り利用することができる。" in text


def test_a_licence_and_wider_report_use_are_kept_while_ownership_is_open():
    draft = make_draft(_poc(results__ownership={"rule": "decide_later"}, licence=LICENCE, poc__report_use="internal_business"))
    text = _text(draft, "poc.results_ownership")
    licence, report_use = draft.agreement.article("poc.licence"), draft.agreement.article("poc.report_use")
    assert f"other than the Purpose (except within the licence granted under {licence.label})." in text
    assert (f"use the Report only within the Purpose or, in the case of Tokai, within the scope that {report_use.label} "
            "permits.") in text
    ja = make_draft(_poc("ja", results__ownership={"rule": "decide_later"}, licence=LICENCE, poc__report_use="internal_business"))
    text = _text(ja, "poc.results_ownership")
    assert f"本目的以外の目的で（{ja.agreement.article('poc.licence').label}により許諾された範囲内で行う場合を除く。）" in text
    assert f"本報告書を本目的の範囲内（Tokaiについては、{ja.agreement.article('poc.report_use').label}に定める範囲内）に限り" in text


def test_settled_ownership_raises_no_open_ownership_finding():
    assert not [f for f in run_checks(_poc()) if f.id == "poc.ownership_open"]


# --- the filing-notice periods ----------------------------------------------------------


def test_the_filing_notice_and_comment_periods_come_from_the_spec():
    draft = make_draft(_poc(poc__filing_notice_days=45, poc__filing_comment_days=20))
    text = _text(draft, "poc.filing_notice")
    assert "at least 45 days before the intended filing date" in text
    assert "may comment in writing on the application within 20 days after receiving the notice" in text
    assert "30 days" not in text and "14 days" not in text
    assert "must tell the other at least 45 days before, with a draft. The other may comment within 20 days." in \
        draft.agreement.article("poc.filing_notice").summary
    assert "Tell Tokai at least 45 days before filing a patent on a result, and send a draft." in _points(draft)
    assert "Comment within 20 days on a filing that LumiVision plans, and have its secrets taken out." in _points(draft)
    ja = make_draft(_poc("ja", poc__filing_notice_days=45, poc__filing_comment_days=20))
    text = _text(ja, "poc.filing_notice")
    assert "出願予定日の45日前までに" in text and "前項の通知を受けた日から20日以内に" in text
    assert "成果について出願するときは、出願の45日前までに草案を添えてTokaiに知らせる。" in _points(ja)


def test_the_default_periods_are_30_and_14_days():
    text = _text(make_draft(_poc()), "poc.filing_notice")
    assert "at least 30 days before the intended filing date" in text and "within 14 days after receiving the notice" in text


@pytest.mark.parametrize("changes", [
    {"poc__filing_comment_days": 30},
    {"poc__filing_notice_days": 10},
], ids=["comment-as-long-as-notice", "notice-shorter-than-default-comment"])
def test_a_comment_period_not_shorter_than_the_notice_is_refused(changes):
    [(path, message)] = _refused(_data("poc-ai-en", **changes))
    assert path == "/poc/filing_comment_days"
    assert "must have the comments before it files" in message


# --- who decides on a next agreement: PoC ------------------------------------------------

NEXT = {"decision_months": 3, "next_agreement": "jrd"}


def test_by_default_the_customer_decides_and_tells_the_provider():
    draft = make_draft(_poc(next_step=NEXT))
    text = _text(draft, "poc.next_step")
    assert text.startswith("Within 3 months after the day the Report passes inspection, or is deemed to have passed it, "
                           "Tokai shall decide whether to begin negotiating a joint research and development agreement "
                           "building on the Report with LumiVision (the \"Next Agreement\"), and shall notify LumiVision "
                           "of its decision in writing.\nIf Tokai notifies LumiVision that it will begin negotiating")
    # naming the customer changes nothing
    assert _text(make_draft(_poc(next_step={**NEXT, "decider": "tokai"})), "poc.next_step") == text


def test_the_provider_can_be_named_to_decide():
    draft = make_draft(_poc(next_step={**NEXT, "decider": "lumivision", "discount_if_follows": 5}))
    text = _text(draft, "poc.next_step")
    assert ("LumiVision shall decide whether to begin negotiating a joint research and development agreement building on "
            "the Report with Tokai (the \"Next Agreement\"), and shall notify Tokai of its decision in writing.") in text
    assert "If LumiVision notifies Tokai that it will begin negotiating the Next Agreement" in text
    assert "the fixed amounts that Tokai pays LumiVision under it" in text  # the discount stays the customer's
    assert draft.agreement.article("poc.next_step").summary.startswith(
        "LumiVision must decide whether to move to a next agreement. It must tell Tokai in writing")
    tell = [p for p in draft.summary.points() if "whether a next agreement follows" in p.text]
    assert [p.text for p in tell] == ["Tell Tokai in writing, within 3 months after the report is accepted, whether a "
                                      "next agreement follows."]
    ja = make_draft(_poc("ja", next_step={**NEXT, "decider": "lumivision"}))
    text = _text(ja, "poc.next_step")
    assert text.startswith("LumiVisionは、本報告書が検査に合格した日（合格したものとみなされた日を含む。）から3か月以内に、Tokaiとの間で")
    assert "その結果をTokaiに書面により通知しなければならない。" in text
    assert "報告書の合格から3か月以内に、次の契約に進むかどうかをTokaiに書面で伝える。" in _points(ja)


def test_a_decider_that_is_not_a_party_is_refused():
    [(path, message)] = _refused(_data("poc-ai-en", next_step={**NEXT, "decider": "acme"}))
    assert path == "/next_step/decider" and '"acme" is not a party id' in message


def test_the_fee_if_no_next_agreement_follows_needs_the_customer_to_decide():
    data = _data("poc-ai-en", next_step__decider="lumivision")  # the example asks a fee if none follows
    [(path, message)] = _refused(data)
    assert path == "/next_step/decider" and "fee_if_none" in message and '"decider": "tokai"' in message


# --- who decides on a next agreement: NDA -------------------------------------------------


def test_a_mutual_nda_names_one_party_to_decide_and_only_it_owes_the_duty():
    base = make_draft(load_spec(_data("nda-mutual-ja")))
    assert base.agreement.article("nda.next_step").variant_id == "both_decide"
    assert len([p for p in _points(base) if "次の段階に進みたいかどうか" in p]) == 2
    draft = make_draft(load_spec(_data("nda-mutual-ja", next_step__decider="hokushin")))
    text = _text(draft, "nda.next_step")
    assert text.startswith("北辰は、2026年4月1日から6か月以内に、相手方との間で技術検証（PoC）契約（以下「次段階契約」という。）を締結する"
                           "ことを希望するか否かを決定し、その期間内に、その決定を書面により相手方に通知しなければならない。")
    assert "北辰が第1項の期間内に通知をしない場合には、北辰は、次段階契約の締結を希望しない旨を決定したものとみなす。" in text
    assert "各当事者は" not in text.split("\n")[0]
    duties = [p for p in _points(draft) if "次の段階に進" in p]
    assert duties == ["6か月以内に、次の段階に進むかどうかを決め、ナノセルに書面で知らせる。"]
    en = make_draft(load_spec(_data("nda-mutual-ja", "en", next_step__decider="hokushin")))
    assert _text(en, "nda.next_step").startswith(
        "北辰 shall decide, within 6 months after 1 April 2026, whether it wishes to enter into a proof of concept (PoC) "
        "agreement with the other party (the \"Next Agreement\"), and shall notify the other party of its decision in writing")


def test_a_one_way_nda_can_name_the_discloser_to_decide():
    data = _data("nda-mutual-ja", confidentiality__direction="one_way", next_step__decider="hokushin")
    data["parties"][0]["role"], data["parties"][1]["role"] = "discloser", "recipient"
    draft = make_draft(load_spec(data))
    assert draft.agreement.article("nda.next_step").variant_id == "one_party_decides"
    assert _text(draft, "nda.next_step").startswith("北辰は、")
    del data["next_step"]["decider"]
    assert make_draft(load_spec(data)).agreement.article("nda.next_step").variant_id == "recipient_decides"


def test_an_nda_decider_that_is_not_a_party_is_refused():
    [(path, message)] = _refused(_data("nda-mutual-ja", next_step__decider="acme"))
    assert path == "/next_step/decider" and '"acme" is not a party id' in message
