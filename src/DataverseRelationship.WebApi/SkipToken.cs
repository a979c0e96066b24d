using System.Globalization;
using System.Net;
using System.Xml;
using System.Xml.Linq;

namespace DataverseRelationship.WebApi;

/// <summary>
/// The <c>$skiptoken</c> of an <c>@odata.nextLink</c>: a paging cookie element
/// <c>&lt;cookie pagenumber="2" pagingcookie="..." /&gt;</c> like the one Dataverse returns
/// (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query/page-results). Clients pass the link back
/// unchanged; they never build it.
/// </summary>
internal static class SkipToken
{
    public static string Write(int pageNumber, string? pagingCookie) =>
        new XElement("cookie", new XAttribute("pagenumber", pageNumber.ToString(CultureInfo.InvariantCulture)), new XAttribute("pagingcookie", pagingCookie ?? string.Empty), new XAttribute("istracking", "False"))
            .ToString(SaveOptions.DisableFormatting);

    public static (int PageNumber, string? PagingCookie) Read(string token)
    {
        try
        {
            XElement cookie = XElement.Parse(token);
            if (cookie.Name == "cookie" && int.TryParse((string?)cookie.Attribute("pagenumber"), NumberStyles.None, CultureInfo.InvariantCulture, out int page) && page > 0)
            {
                string? paging = (string?)cookie.Attribute("pagingcookie");
                return (page, string.IsNullOrEmpty(paging) ? null : paging);
            }
        }
        catch (XmlException)
        {
        }

        throw new WebApiException(HttpStatusCode.BadRequest, WebApiException.BadRequest, "$skiptoken is not a paging cookie this service returned; follow @odata.nextLink as given.");
    }
}
