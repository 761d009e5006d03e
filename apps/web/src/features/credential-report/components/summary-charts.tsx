import BarChart from '@cloudscape-design/components/bar-chart';
import Box from '@cloudscape-design/components/box';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import PieChart from '@cloudscape-design/components/pie-chart';
import type { ReportSummary } from '../report-summary.ts';

const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${Math.round((part / whole) * 100)}%`);

function Card({ label, value, detail }: { label: string; value: string | number; detail?: string }) {
  return (
    <div>
      <Box variant="awsui-key-label">{label}</Box>
      <Box variant="awsui-value-large">{value}</Box>
      {detail ? <Box variant="small" display="block" color="text-body-secondary">{detail}</Box> : null}
    </div>
  );
}

export function SummaryCards({ summary }: { summary: ReportSummary }) {
  return (
    <Container header={<Header variant="h2">Summary</Header>}>
      <ColumnLayout columns={4} variant="text-grid">
        <Card label="Users" value={summary.users} detail={`${summary.consoleUsers} with a console password`} />
        <Card label="MFA coverage (console users)" value={percent(summary.consoleUsersWithMfa, summary.consoleUsers)} detail={`${summary.consoleUsersWithMfa} of ${summary.consoleUsers} users with a console password`} />
        <Card label="Active access keys" value={summary.activeKeys} />
        <Card label="Findings" value={summary.findings} />
      </ColumnLayout>
    </Container>
  );
}

const NO_DATA = <Box textAlign="center">No data</Box>;

interface Bar {
  /** The short tick label (chart labels are measured one by one, so long ones cost layout time). */
  label: string;
  count: number;
  /** The full name, in the bar's popover. */
  title?: string;
}

function BarCard({ title, description, bars, xTitle }: { title: string; description?: string; bars: Bar[]; xTitle: string }) {
  const titles = new Map(bars.map((b) => [b.label, b.title ?? b.label]));
  return (
    <Container header={<Header variant="h2" description={description}>{title}</Header>}>
      <BarChart
        series={[{ title: 'Count', type: 'bar', data: bars.map((b) => ({ x: b.label, y: b.count })) }]}
        xScaleType="categorical"
        xTitle={xTitle}
        yTitle="Count"
        hideFilter
        hideLegend
        height={220}
        empty={NO_DATA}
        ariaLabel={title}
        detailPopoverSeriesContent={({ x, y }) => ({ key: titles.get(x) ?? x, value: y })}
      />
    </Container>
  );
}

export function SummaryCharts({ summary }: { summary: ReportSummary }) {
  const mfa = [
    { title: 'MFA active', value: summary.mfa.withMfa },
    { title: 'Console password, no MFA', value: summary.mfa.consoleWithoutMfa },
    { title: 'No console password, no MFA', value: summary.mfa.otherWithoutMfa },
  ];
  return (
    <ColumnLayout columns={2}>
      <Container header={<Header variant="h2" description="All users (the root user aside) by MFA device and console password; in the centre, the share with MFA">MFA coverage</Header>}>
        <PieChart
          data={mfa}
          variant="donut"
          // Of every user, as the slices are; the summary's card counts console users only, so each says whose share it is.
          innerMetricValue={percent(summary.mfa.withMfa, summary.users)}
          innerMetricDescription="of all users"
          hideFilter
          size="medium"
          empty={NO_DATA}
          ariaLabel="MFA coverage"
          detailPopoverContent={(datum, sum) => [
            { key: 'Users', value: datum.value },
            { key: 'Share', value: percent(datum.value, sum) },
          ]}
        />
      </Container>
      <BarCard title="Access key age" description="Active access keys by days since created or rotated" bars={summary.keyAges} xTitle="Age" />
      <BarCard title="Unused credentials" description="Passwords and active access keys" bars={summary.unused} xTitle="Credentials" />
      <BarCard
        title="Findings by check"
        description="CIS AWS Foundations Benchmark v3.0.0 recommendation numbers"
        bars={summary.findingsByCheck.map((b) => ({ label: b.cis, count: b.count, title: b.label }))}
        xTitle="Check"
      />
    </ColumnLayout>
  );
}
