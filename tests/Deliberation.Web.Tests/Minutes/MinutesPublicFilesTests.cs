using System.Net;
using Deliberation.Core.Minutes;
using Deliberation.Testing;
using Deliberation.Web;
using Deliberation.Web.Features.Minutes;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Tests.Minutes;

/// <summary>Public downloads are rendered once at publish and served from storage; reviewers' PDFs wait in a bounded queue.</summary>
[Collection(HubCollection.Name)]
public class MinutesPublicFilesTests(HubFactory hub)
{
    [Fact]
    public async Task PublicPdf_IsServedTwiceFromStorage_WithoutPrinting_AndRevalidatesWithItsETag()
    {
        var f = await hub.CreateFixtureAsync(0x7201);
        var id = await hub.CreateMinutesWithTextAsync(f, InternalFences.Document("four colons"));
        await hub.PublishAsync(id);
        await hub.SettlePublicRendersAsync();
        var pdf = hub.Services.GetRequiredService<PdfExporter>();
        var printsBefore = pdf.Prints;

        var anonymous = hub.Browser();
        var first = await anonymous.GetAsync($"/api/minutes/{id}/public.pdf");
        var second = await anonymous.GetAsync($"/api/minutes/{id}/public.pdf");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var bytes = await first.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes, await second.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", first.Content.Headers.ContentType!.MediaType);
        Assert.True(first.Headers.CacheControl!.Public);
        var etag = first.Headers.ETag ?? throw new Xunit.Sdk.XunitException("no ETag");

        var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/minutes/{id}/public.pdf");
        conditional.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(conditional)).StatusCode);

        Assert.Equal(printsBefore, pdf.Prints);
        Assert.DoesNotContain("SECRET", MinutesPublicTextTests.PdfText(bytes));
        Assert.Contains(InternalFences.Before, MinutesPublicTextTests.PdfText(bytes));
    }

    [Fact]
    public async Task BeforeTheRenderIsStored_PublicDownloadsAnswer503WithRetryAfter_AndALocalisedMessage_ThenTheStoredFile()
    {
        var f = await hub.CreateFixtureAsync(0x7202);
        var id = await hub.CreateMinutesWithTextAsync(f, "# 未渲染的纪要\n\n正文\n");
        // Published straight in the database, without the render request that publishing writes: nothing can render it yet.
        await hub.WithDbAsync(async db =>
        {
            var m = await db.MinutesDocuments.SingleAsync(x => x.Id == id);
            m.MoveTo(MinutesStatus.InReview, "测试", DateTimeOffset.UtcNow);
            m.MoveTo(MinutesStatus.Signed, "测试", DateTimeOffset.UtcNow);
            m.MoveTo(MinutesStatus.Published, "测试", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return 0;
        });
        var pdf = hub.Services.GetRequiredService<PdfExporter>();
        var printsBefore = pdf.Prints;

        var anonymous = hub.Browser();
        var zh = await anonymous.GetAsync($"/api/minutes/{id}/public.pdf");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, zh.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(MinutesDownloads.RetryAfterSeconds), zh.Headers.RetryAfter!.Delta);
        Assert.Contains("正在生成", await zh.Content.ReadAsStringAsync());
        var en = await anonymous.GetAsync($"/api/minutes/{id}/public.docx?culture=en&ui-culture=en");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, en.StatusCode);
        Assert.Contains("still being prepared", await en.Content.ReadAsStringAsync());
        Assert.Equal(printsBefore, pdf.Prints);

        await hub.WithDbAsync(async db =>
        {
            var m = await db.MinutesDocuments.SingleAsync(x => x.Id == id);
            MinutesWork.RequestPublicFiles(db, m, m.PublishedVersionNo!.Value, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return 0;
        });
        await hub.SettlePublicRendersAsync();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/minutes/{id}/public.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/minutes/{Guid.NewGuid()}/public.pdf")).StatusCode);
    }

    [Fact]
    public async Task ReviewersPdf_WaitsInABoundedQueue_AndIsRefusedBeyondIt()
    {
        await using var printer = await HeldPrinter.CreateAsync();
        var holding = printer.Exporter.PrintAsync("<p>背景渲染</p>", CancellationToken.None);
        while (printer.Exporter.Prints == 0) await Task.Delay(10); // the background print holds the printer
        var waiting = printer.Exporter.PrintBoundedAsync("<p>等待者</p>", CancellationToken.None); // takes the one queue place
        await Assert.ThrowsAsync<PdfBusyException>(() => printer.Exporter.PrintBoundedAsync("<p>超出队列</p>", CancellationToken.None));
        await Assert.ThrowsAsync<PdfBusyException>(() => waiting); // waited its second; the printer is still held
        await printer.ReleaseAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => holding); // the stand-in printer writes no PDF
        Assert.Equal(1, printer.Exporter.Prints);
    }

    [Fact]
    public async Task ReviewersPdf_WhenThePrinterIsBusy_Answers503WithRetryAfter()
    {
        var f = await hub.CreateFixtureAsync(0x7203);
        var id = await hub.CreateMinutesWithTextAsync(f, "# 忙\n\n正文\n");
        var text = await hub.WithScopeAsync(sp => sp.GetRequiredService<MinutesTexts>().FullAsync(id, null, CancellationToken.None));
        await using var printer = await HeldPrinter.CreateAsync(queueLimit: 0);
        var downloads = new MinutesDownloads(hub.Services.GetRequiredService<MinutesDocumentHtml>(), hub.Services.GetRequiredService<DocxExporter>(),
            printer.Exporter, hub.Services.GetRequiredService<IStringLocalizer<SharedResource>>());

        var result = await downloads.FileAsync(text!, "pdf", CancellationToken.None);

        var context = new DefaultHttpContext { RequestServices = hub.Services };
        context.Response.Body = new MemoryStream();
        await result.ExecuteAsync(context);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal($"{MinutesDownloads.RetryAfterSeconds}", context.Response.Headers.RetryAfter.ToString());
        Assert.Equal(0, printer.Exporter.Prints);
    }

    /// <summary>A PdfExporter whose "Chromium" is a script that holds its turn until the test releases it, then fails.</summary>
    private sealed class HeldPrinter : IAsyncDisposable
    {
        private readonly DirectoryInfo _dir;
        private readonly string _gate;

        private HeldPrinter(DirectoryInfo dir, string gate, PdfExporter exporter)
        {
            _dir = dir;
            _gate = gate;
            Exporter = exporter;
        }

        public PdfExporter Exporter { get; }

        public static async Task<HeldPrinter> CreateAsync(int queueLimit = 1)
        {
            var dir = Directory.CreateTempSubdirectory("pdf-queue-");
            var gate = Path.Combine(dir.FullName, "gate");
            var script = Path.Combine(dir.FullName, "printer.sh");
            await File.WriteAllTextAsync(script, $"#!/bin/sh\nwhile [ ! -e '{gate}' ]; do sleep 0.05; done\nexit 3\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var options = new MinutesOptions { ChromiumPath = script, PdfQueueLimit = queueLimit, PdfQueueWaitSeconds = 1, PdfTimeoutSeconds = 60 };
            return new HeldPrinter(dir, gate, new PdfExporter(Options.Create(options), NullLogger<PdfExporter>.Instance));
        }

        public Task ReleaseAsync() => File.WriteAllTextAsync(_gate, "");

        public async ValueTask DisposeAsync()
        {
            await ReleaseAsync();
            try { _dir.Delete(recursive: true); }
            catch (IOException) { /* the script may still be exiting */ }
        }
    }
}
