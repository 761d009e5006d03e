export default function Stub() { return <p>role-detail</p>; }
