using System.Globalization;
using System.Runtime.Serialization;
using System.Text;

namespace Microsoft.Xrm.Sdk;

/// <summary>The fault detail of a failed organization service call (thrown wrapped in a FaultException).</summary>
[DataContract(Name = "OrganizationServiceFault", Namespace = ContractNamespaces.Xrm2011)]
public class OrganizationServiceFault : BaseServiceFault
{
    public OrganizationServiceFault()
    {
    }

    public OrganizationServiceFault InnerFault { get; set; }

    /// <summary>The plugin trace text of the failed operation.</summary>
    public string TraceText { get; set; }

    /// <summary>
    /// One block per fault in the InnerFault chain: "Exception details:", the error code in hex, the message, the
    /// "CallStack" error detail when present, the UTC timestamp (round-trip format) and a "--" separator.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        for (OrganizationServiceFault fault = this; fault != null; fault = fault.InnerFault)
        {
            text.AppendLine("Exception details: ");
            text.AppendLine("ErrorCode: 0x" + fault.ErrorCode.ToString("X", CultureInfo.InvariantCulture));
            text.AppendLine("Message: " + fault.Message);
            if (fault.ErrorDetails.TryGetValue("CallStack", out object callStack))
            {
                text.AppendLine("StackTrace: ");
                text.AppendLine(callStack as string);
            }

            text.AppendLine("TimeStamp: " + fault.Timestamp.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture));
            text.AppendLine("--");
        }

        return text.ToString();
    }
}
