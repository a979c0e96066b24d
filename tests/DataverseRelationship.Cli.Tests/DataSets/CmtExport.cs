using System;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace DataverseRelationship.Cli.Tests.DataSets;

/// <summary>Writes Configuration Migration zips the way pac data export does (no XML declaration, CRLF).</summary>
public static class CmtExport
{
    public const string AccountId = "7d3e1c52-8a1b-4c6e-9f1d-2b4a6c8e0a11";
    public const string ContactId = "1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f1";
    public const string WonId = "a0000000-0000-4000-8000-000000000001";
    public const string LostId = "a0000000-0000-4000-8000-000000000002";
    public const string UserId = "c0ffee00-0000-4000-8000-0000000000aa";

    public static string Schema => Crlf("""
        <entities>
          <entity name="account" displayname="Company" etc="1" primaryidfield="accountid" primarynamefield="name" disableplugins="false">
            <fields>
              <field displayname="Company" name="accountid" type="guid" primaryKey="true" />
              <field displayname="Company Name" name="name" type="string" />
              <field displayname="Created On" name="createdon" type="datetime" />
              <field displayname="Relationship since" name="dvr_relationshipsince" type="datetime" customfield="true" />
              <field displayname="Customer sponsor" name="dvr_customersponsorid" type="entityreference" lookupType="contact" customfield="true" />
              <field displayname="Seller sponsor" name="dvr_sellersponsorid" type="entityreference" lookupType="systemuser" customfield="true" />
              <field displayname="Joint account plan" name="dvr_hasjointaccountplan" type="bool" customfield="true" />
              <field displayname="Plan reviewed on" name="dvr_jointplanreviewedon" type="datetime" customfield="true" />
              <field displayname="Annual Revenue" name="revenue" type="money" />
              <field displayname="Annual Revenue (Base)" name="revenue_base" type="money" />
              <field displayname="Owner" name="ownerid" type="owner" lookupType="systemuser|team" />
            </fields>
            <relationships />
          </entity>
          <entity name="contact" displayname="Contact" etc="2" primaryidfield="contactid" primarynamefield="fullname" disableplugins="false">
            <fields>
              <field displayname="Contact" name="contactid" type="guid" primaryKey="true" />
              <field displayname="First Name" name="firstname" type="string" />
              <field displayname="Last Name" name="lastname" type="string" />
              <field displayname="Company Name" name="parentcustomerid" type="entityreference" lookupType="account|contact" />
              <field displayname="Role" name="accountrolecode" type="optionsetvalue" />
              <field displayname="Status" name="statecode" type="state" />
              <field displayname="Created On" name="createdon" type="datetime" />
            </fields>
            <relationships />
          </entity>
          <entity name="opportunity" displayname="Opportunity" etc="3" primaryidfield="opportunityid" primarynamefield="name" disableplugins="false">
            <fields>
              <field displayname="Opportunity" name="opportunityid" type="guid" primaryKey="true" />
              <field displayname="Topic" name="name" type="string" />
              <field displayname="Account" name="parentaccountid" type="entityreference" lookupType="account" />
              <field displayname="Est. Revenue" name="estimatedvalue" type="money" />
              <field displayname="Actual Revenue" name="actualvalue" type="money" />
              <field displayname="Discount (%)" name="discountpercentage" type="decimal" />
              <field displayname="Status" name="statecode" type="state" />
              <field displayname="Status Reason" name="statuscode" type="status" />
              <field displayname="Actual Close Date" name="actualclosedate" type="datetime" dateMode="absolute" />
              <field displayname="Created On" name="createdon" type="datetime" />
              <field displayname="Seller margin" name="dvr_sellermargin" type="decimal" customfield="true" />
              <field displayname="Concessions" name="dvr_concessions" type="optionsetvaluecollection" customfield="true" />
              <field displayname="Commitments" name="dvr_commitments" type="optionsetvaluecollection" customfield="true" />
              <field displayname="Procurement tactics" name="dvr_procurementtactics" type="optionsetvaluecollection" customfield="true" />
              <field displayname="Delivered as promised" name="dvr_deliveredaspromised" type="bool" customfield="true" />
              <field displayname="Payment delay" name="dvr_paymentdelaydays" type="number" customfield="true" />
            </fields>
            <relationships />
          </entity>
          <entity name="dvr_tierchange" displayname="Tier change" etc="10234" primaryidfield="dvr_tierchangeid" primarynamefield="dvr_name" disableplugins="false">
            <fields>
              <field displayname="Tier change" name="dvr_tierchangeid" type="guid" primaryKey="true" />
              <field displayname="Name" name="dvr_name" type="string" />
            </fields>
            <relationships />
          </entity>
        </entities>
        """);

    /// <summary>data.xml in the older style: US timestamps, 4-decimal money, 10-decimal decimals.</summary>
    public static string UsData => Crlf($"""
        <entities timestamp="6/15/2019 4:32:59 PM">
          <entity name="account" displayname="Company">
            <records>
              <record id="{AccountId}">
                <field name="accountid" value="{AccountId}" />
                <field name="name" value="Contoso &amp; Sons" />
                <field name="createdon" value="5/2/2019 6:15:35 PM" />
                <field name="dvr_customersponsorid" value="{ContactId}" lookupentity="contact" lookupentityname="Ana Silva" />
                <field name="dvr_sellersponsorid" value="{UserId}" lookupentity="systemuser" lookupentityname="Sam Seller" />
                <field name="dvr_hasjointaccountplan" value="True" />
                <field name="dvr_jointplanreviewedon" value="3/1/2020 12:00:00 AM" />
                <field name="revenue" value="120000000.0000" />
                <field name="revenue_base" value="120000000.0000" />
                <field name="ownerid" value="{UserId}" lookupentity="systemuser" />
              </record>
            </records>
            <m2mrelationships />
          </entity>
          <entity name="contact" displayname="Contact">
            <records>
              <record id="{ContactId}">
                <field name="contactid" value="{ContactId}" />
                <field name="firstname" value="Ana" />
                <field name="lastname" value="Silva" />
                <field name="parentcustomerid" value="{AccountId}" lookupentity="account" lookupentityname="Contoso &amp; Sons" />
                <field name="accountrolecode" value="1" />
                <field name="statecode" value="0" />
                <field name="createdon" value="5/3/2019 9:00:00 AM" />
              </record>
            </records>
            <m2mrelationships />
          </entity>
          <entity name="opportunity" displayname="Opportunity">
            <records>
              <record id="{WonId}">
                <field name="opportunityid" value="{WonId}" />
                <field name="name" value="Fleet analytics" />
                <field name="parentaccountid" value="{AccountId}" lookupentity="account" lookupentityname="Contoso &amp; Sons" />
                <field name="estimatedvalue" value="50000.0000000000" />
                <field name="actualvalue" value="48000.0000" />
                <field name="discountpercentage" value="12.5000000000" />
                <field name="statecode" value="1" />
                <field name="statuscode" value="3" />
                <field name="actualclosedate" value="8/1/2019 12:00:00 AM" />
                <field name="createdon" value="6/1/2019 9:30:00 AM" />
                <field name="dvr_sellermargin" value="22.5000" />
                <field name="dvr_concessions" value="[-1,418700000,-1]" />
                <field name="dvr_commitments" value="[-1,418700001,418700002,-1]" />
                <field name="dvr_procurementtactics" value="[-1,-1]" />
                <field name="dvr_deliveredaspromised" value="False" />
                <field name="dvr_paymentdelaydays" value="12" />
              </record>
              <record id="{LostId}">
                <field name="opportunityid" value="{LostId}" />
                <field name="name" value="Support renewal" />
                <field name="parentaccountid" value="{AccountId}" lookupentity="account" />
                <field name="estimatedvalue" value="9000.0000" />
                <field name="statecode" value="2" />
                <field name="statuscode" value="5" />
                <field name="actualclosedate" value="9/15/2019 12:00:00 AM" />
                <field name="createdon" value="7/1/2019 10:00:00 AM" />
                <field name="dvr_procurementtactics" value="[-1,418700000,418700003,-1]" />
              </record>
            </records>
            <m2mrelationships />
          </entity>
        </entities>
        """);

    public const string ContentTypes = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/octet-stream\" /></Types>";

    /// <summary>A zip with the given entries, in the given order.</summary>
    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach ((string name, byte[] content) in entries)
            {
                using Stream s = zip.CreateEntry(name).Open();
                s.Write(content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>data.xml first, then the schema and content types, as some exports order them.</summary>
    public static byte[] Export(string data, string? schema = null)
        => Zip(("data.xml", Utf8(data)), ("data_schema.xml", Utf8(schema ?? Schema)), ("[Content_Types].xml", Utf8(ContentTypes)));

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>The 1-based line of the first line that contains <paramref name="text"/>.</summary>
    public static int LineOf(string document, string text)
    {
        string[] lines = document.Split("\r\n");
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(text, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        throw new ArgumentException($"'{text}' is not in the document.", nameof(text));
    }

    private static string Crlf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);
}
