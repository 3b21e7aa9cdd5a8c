package org.liaisondesk.ui.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.OpinionSort;
import org.liaisondesk.service.Problem;
import org.liaisondesk.ui.TestUi;
import org.testfx.util.WaitForAsyncUtils;

/** The entry form's state without a window: defaults, validation messages, draft. */
class EntryViewModelTest {

    @TempDir
    Path dir;
    private TestUi t;
    private EntryViewModel vm;

    @BeforeEach
    void setUp() {
        t = new TestUi(dir.resolve("desk.db"));
        vm = t.services.entry(t.ui, null);
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    @Test
    void aNewFormIsReadyForAVisitTodayReceivedByTheCurrentUser() {
        assertThat(vm.channelProperty().get()).isEqualTo(Channel.VISIT);
        assertThat(vm.receivedDateProperty().get()).isEqualTo(LocalDate.of(2023, 5, 1));
        assertThat(vm.receivedTimeProperty().get()).isEqualTo("09:30");
        assertThat(vm.receivedByProperty().get()).isEqualTo("张丽");
        t.user.set("李建国");
        assertThat(vm.receivedByProperty().get()).isEqualTo("李建国");
    }

    @Test
    void aFreshFormShowsNoProblemsButSavingItShowsTheSameMessagesAsTheCommandLine() {
        assertThat(vm.problems().shownProperty().get()).isEmpty();
        vm.save();
        assertThat(vm.problems().shown(Problem.Field.TEXT)).isEqualTo("请填写意见内容。");
        assertThat(t.app.opinions().count(OpinionFilter.ALL)).isZero();

        vm.textProperty().set("建议增设公交站台遮雨棚。");
        vm.phoneProperty().set("电话没有");
        vm.receivedTimeProperty().set("25:61");
        assertThat(vm.problems().shown(Problem.Field.TEXT)).isNull();
        assertThat(vm.problems().shown(Problem.Field.PHONE)).startsWith("电话号码只能包含数字");
        assertThat(vm.problems().shown(Problem.Field.RECEIVED_AT)).isEqualTo("时间格式不对,请用 时:分,例如 09:30。");

        vm.receivedTimeProperty().set("9：15");
        vm.phoneProperty().set("0571-8888 1234");
        assertThat(vm.problems().isValid()).isTrue();
        assertThat(vm.problems().shownProperty().get()).isEmpty();
    }

    @Test
    void aFutureDateIsRefusedWithTheRulesMessage() {
        vm.textProperty().set("意见");
        vm.receivedDateProperty().set(LocalDate.of(2023, 5, 3));
        vm.save();
        assertThat(vm.problems().shown(Problem.Field.RECEIVED_AT)).isEqualTo("收到日期不能晚于今天。");
    }

    @Test
    void theDraftRoundTripsAsJsonAndIsKeptAboutASecondAfterTyping() throws Exception {
        vm.textProperty().set("楼道灯坏了。");
        vm.nameProperty().set("王秀英");
        vm.consentProperty().set(true);
        vm.channelProperty().set(Channel.PHONE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> t.app.drafts().load().isPresent());
        EntryDraft stored = t.app.json().readValue(t.app.drafts().load().orElseThrow(), EntryDraft.class);
        assertThat(stored).isEqualTo(vm.snapshot());

        EntryViewModel next = t.services.entry(t.ui, null);
        next.restore(stored);
        assertThat(next.snapshot()).isEqualTo(vm.snapshot());
        assertThat(next.channelProperty().get()).isEqualTo(Channel.PHONE);
        assertThat(next.consentProperty().get()).isTrue();

        vm.startNew();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> t.app.drafts().load().isEmpty());
        assertThat(vm.textProperty().get()).isEmpty();
        assertThat(t.errors).isEmpty();
    }

    @Test
    void aRunOfPhoneCallsKeepsItsChannelFromOneOpinionToTheNext() throws Exception {
        vm.channelProperty().set(Channel.PHONE);
        vm.textProperty().set("小区门口路灯坏了,晚上很黑。");
        saveAnyway();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> t.app.opinions().count(OpinionFilter.ALL) == 1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.textProperty().get().isEmpty());
        assertThat(vm.channelProperty().get()).isEqualTo(Channel.PHONE);
    }

    @Test
    void anEditorKnowsWhetherClosingWouldLoseChanges() throws Exception {
        vm.textProperty().set("楼道灯坏了。");
        saveAnyway();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> t.app.opinions().count(OpinionFilter.ALL) == 1);
        Opinion saved = t.app.opinions().page(OpinionFilter.ALL, OpinionSort.NEWEST_FIRST, 0, 1).items().get(0);
        EntryViewModel editor = t.services.entry(t.ui, saved);
        assertThat(editor.hasUnsavedEdits()).isFalse();
        editor.textProperty().set("楼道灯坏了,已经一周。");
        assertThat(editor.hasUnsavedEdits()).isTrue();
        editor.textProperty().set("楼道灯坏了。");
        assertThat(editor.hasUnsavedEdits()).isFalse();
        assertThat(vm.hasUnsavedEdits()).isFalse();
    }

    /** Saves, answering "no task area, save anyway?" with a second save when it is asked. */
    private void saveAnyway() throws Exception {
        vm.save();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.savingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        if (vm.askingProperty().get()) {
            vm.save();
        }
    }
}
