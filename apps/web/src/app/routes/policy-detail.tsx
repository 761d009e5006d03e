export default function Stub() { return <p>policy-detail</p>; }
